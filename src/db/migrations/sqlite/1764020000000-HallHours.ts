import { MigrationInterface, QueryRunner } from "typeorm";

export class HallHours1764020000000 implements MigrationInterface {
    name = 'HallHours1764020000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "hall_hours" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "opens_at" varchar(5) NOT NULL, "closes_at" varchar(5) NOT NULL, "lunch_starts_at" varchar(5), "lunch_ends_at" varchar(5), "version" integer NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_9499cd0f38bea090564555034f" ON "hall_hours" ("tenant_id") `);
        await queryRunner.query(`CREATE TABLE "post_sign_off" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "user_id" integer NOT NULL, "left_at" datetime NOT NULL, "returned_at" datetime, "ends_by" datetime NOT NULL, "reason" varchar(500) NOT NULL DEFAULT (''))`);
        await queryRunner.query(`CREATE INDEX "IDX_e395c92acd0a07cce425c7a9c1" ON "post_sign_off" ("tenant_id", "user_id", "left_at") `);
        await queryRunner.query(`CREATE TABLE "empty_post_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "window_id" integer NOT NULL, "starts_at" datetime NOT NULL, "ends_at" datetime NOT NULL, "cause" varchar(16) NOT NULL, "user_id" integer)`);
        await queryRunner.query(`CREATE INDEX "IDX_7afb349e74ddda1298d2bd3cdc" ON "empty_post_event" ("tenant_id", "starts_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_2b5072febf8baaa33f40f03ab2" ON "empty_post_event" ("tenant_id", "window_id", "starts_at") `);
        await queryRunner.query(`DROP INDEX "IDX_7f08184259b9470d0289c36073"`);
        await queryRunner.query(`CREATE TABLE "temporary_lunch_duty_rota" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "window_id" integer NOT NULL, "group_one_ids" text NOT NULL, "group_two_ids" text NOT NULL, "version" integer NOT NULL)`);
        await queryRunner.query(`INSERT INTO "temporary_lunch_duty_rota"("id", "tenant_id", "window_id", "group_one_ids", "group_two_ids", "version") SELECT "id", "tenant_id", "window_id", "group_one_ids", "group_two_ids", "version" FROM "lunch_duty_rota"`);
        await queryRunner.query(`DROP TABLE "lunch_duty_rota"`);
        await queryRunner.query(`ALTER TABLE "temporary_lunch_duty_rota" RENAME TO "lunch_duty_rota"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7f08184259b9470d0289c36073" ON "lunch_duty_rota" ("tenant_id", "window_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_7f08184259b9470d0289c36073"`);
        await queryRunner.query(`ALTER TABLE "lunch_duty_rota" RENAME TO "temporary_lunch_duty_rota"`);
        await queryRunner.query(`CREATE TABLE "lunch_duty_rota" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "window_id" integer NOT NULL, "group_one_ids" text NOT NULL, "group_two_ids" text NOT NULL, "starts_on" varchar(10) NOT NULL, "version" integer NOT NULL)`);
        await queryRunner.query(`INSERT INTO "lunch_duty_rota"("id", "tenant_id", "window_id", "group_one_ids", "group_two_ids", "version") SELECT "id", "tenant_id", "window_id", "group_one_ids", "group_two_ids", "version" FROM "temporary_lunch_duty_rota"`);
        await queryRunner.query(`DROP TABLE "temporary_lunch_duty_rota"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7f08184259b9470d0289c36073" ON "lunch_duty_rota" ("tenant_id", "window_id") `);
        await queryRunner.query(`DROP INDEX "IDX_2b5072febf8baaa33f40f03ab2"`);
        await queryRunner.query(`DROP INDEX "IDX_7afb349e74ddda1298d2bd3cdc"`);
        await queryRunner.query(`DROP TABLE "empty_post_event"`);
        await queryRunner.query(`DROP INDEX "IDX_e395c92acd0a07cce425c7a9c1"`);
        await queryRunner.query(`DROP TABLE "post_sign_off"`);
        await queryRunner.query(`DROP INDEX "IDX_9499cd0f38bea090564555034f"`);
        await queryRunner.query(`DROP TABLE "hall_hours"`);
    }

}
