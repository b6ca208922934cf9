import { MigrationInterface, QueryRunner } from "typeorm";

export class Evaluations1764100000000 implements MigrationInterface {
    name = 'Evaluations1764100000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "evaluation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "channel" varchar(16) NOT NULL, "level" varchar(20) NOT NULL, "reasons" text NOT NULL, "comment" varchar(500), "application_id" integer, "matter_id" integer, "window_id" integer NOT NULL, "staff_id" integer NOT NULL, "department_id" integer NOT NULL, "served_at" datetime(3) NOT NULL, "rated_at" datetime(3) NOT NULL, "recorded_by_id" integer, "rater_name" varchar(100), "rater_contact" varchar(100))`);
        await queryRunner.query(`CREATE INDEX "IDX_a4acf9a10840b91c584454938f" ON "evaluation" ("tenant_id", "staff_id", "rated_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_fa8a454e5f2fc14f421b723f73" ON "evaluation" ("tenant_id", "rated_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a62c4d1917103bd9037cf9f78b" ON "evaluation" ("tenant_id", "application_id", "channel") `);
        await queryRunner.query(`CREATE TABLE "rectification" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "evaluation_id" integer NOT NULL, "responsible_department_id" integer NOT NULL, "responsible_staff_id" integer NOT NULL, "window_id" integer NOT NULL, "status" varchar(24) NOT NULL, "verify_due_at" datetime(3) NOT NULL, "verified_at" datetime(3), "verified_by_id" integer, "verification_note" varchar(1000), "plan" varchar(1000), "rectify_due_at" datetime(3), "rectified_at" datetime(3), "rectified_by_id" integer, "action_taken" varchar(1000), "return_visit_satisfied" boolean, "return_visit_note" varchar(1000), "return_visit_at" datetime(3), "return_visit_by_id" integer, "due_at" datetime(3), "opened_at" datetime(3) NOT NULL, "closed_at" datetime(3), "version" integer NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_72089215a7f2a898172127084f" ON "rectification" ("tenant_id", "status", "due_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_33b6b28310bd44c0a37ccae274" ON "rectification" ("tenant_id", "evaluation_id") `);
        await queryRunner.query(`CREATE TABLE "rectification_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "rectification_id" integer NOT NULL, "action" varchar(16) NOT NULL, "from_status" varchar(24), "to_status" varchar(24) NOT NULL, "actor_id" integer, "at" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_21ae569b4c5e612ce4bb77e6af" ON "rectification_event" ("tenant_id", "rectification_id", "id") `);
        await queryRunner.query(`CREATE TABLE "evaluation_settings" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "verify_working_days" integer NOT NULL, "rectify_working_days" integer NOT NULL, "version" integer NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a6f51539be7f5524145d621a75" ON "evaluation_settings" ("tenant_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_a6f51539be7f5524145d621a75"`);
        await queryRunner.query(`DROP TABLE "evaluation_settings"`);
        await queryRunner.query(`DROP INDEX "IDX_21ae569b4c5e612ce4bb77e6af"`);
        await queryRunner.query(`DROP TABLE "rectification_event"`);
        await queryRunner.query(`DROP INDEX "IDX_33b6b28310bd44c0a37ccae274"`);
        await queryRunner.query(`DROP INDEX "IDX_72089215a7f2a898172127084f"`);
        await queryRunner.query(`DROP TABLE "rectification"`);
        await queryRunner.query(`DROP INDEX "IDX_a62c4d1917103bd9037cf9f78b"`);
        await queryRunner.query(`DROP INDEX "IDX_fa8a454e5f2fc14f421b723f73"`);
        await queryRunner.query(`DROP INDEX "IDX_a4acf9a10840b91c584454938f"`);
        await queryRunner.query(`DROP TABLE "evaluation"`);
    }

}
