import { MigrationInterface, QueryRunner } from "typeorm";

export class PublicNotices1764150000000 implements MigrationInterface {
    name = 'PublicNotices1764150000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_9499cd0f38bea090564555034f"`);
        await queryRunner.query(`CREATE TABLE "public_notice" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "kind" varchar(16) NOT NULL, "status" varchar(12) NOT NULL, "title" varchar(100) NOT NULL, "text" varchar(2000) NOT NULL, "applies_from" varchar(10) NOT NULL, "applies_until" varchar(10), "matter_ids" text NOT NULL, "window_ids" text NOT NULL, "new_address" varchar(200), "opens_at" varchar(5), "closes_at" varchar(5), "lunch_starts_at" varchar(5), "lunch_ends_at" varchar(5), "created_by_id" integer NOT NULL, "published_at" datetime(3), "published_by_id" integer, "withdrawn_at" datetime(3), "withdrawn_reason" varchar(200), "version" integer NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_65a171f75a6e3698bfd73794dc" ON "public_notice" ("tenant_id", "status", "applies_from") `);
        await queryRunner.query(`CREATE TABLE "centre_address" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "address" varchar(200) NOT NULL, "effective_from" varchar(10) NOT NULL, "notice_id" integer, "version" integer NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_6a152008018fa6de69a91e8485" ON "centre_address" ("tenant_id", "effective_from") `);
        await queryRunner.query(`DROP INDEX "IDX_c8ce3af90a5aa59ac6e2414d04"`);
        await queryRunner.query(`CREATE TABLE "temporary_calendar_override" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "date" varchar(10) NOT NULL, "working" boolean NOT NULL, "reason" varchar(200) NOT NULL, "created_by_id" integer, "notice_id" integer, "closed_working_day_reason" varchar(200))`);
        await queryRunner.query(`INSERT INTO "temporary_calendar_override"("id", "tenant_id", "date", "working", "reason", "created_by_id") SELECT "id", "tenant_id", "date", "working", "reason", "created_by_id" FROM "calendar_override"`);
        await queryRunner.query(`DROP TABLE "calendar_override"`);
        await queryRunner.query(`ALTER TABLE "temporary_calendar_override" RENAME TO "calendar_override"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c8ce3af90a5aa59ac6e2414d04" ON "calendar_override" ("tenant_id", "date") `);
        await queryRunner.query(`CREATE TABLE "temporary_hall_hours" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "opens_at" varchar(5) NOT NULL, "closes_at" varchar(5) NOT NULL, "lunch_starts_at" varchar(5), "lunch_ends_at" varchar(5), "version" integer NOT NULL, "effective_from" varchar(10) NOT NULL DEFAULT (''), "notice_id" integer)`);
        await queryRunner.query(`INSERT INTO "temporary_hall_hours"("id", "tenant_id", "opens_at", "closes_at", "lunch_starts_at", "lunch_ends_at", "version") SELECT "id", "tenant_id", "opens_at", "closes_at", "lunch_starts_at", "lunch_ends_at", "version" FROM "hall_hours"`);
        await queryRunner.query(`DROP TABLE "hall_hours"`);
        await queryRunner.query(`ALTER TABLE "temporary_hall_hours" RENAME TO "hall_hours"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1fc76a021a964060b1400a8afe" ON "hall_hours" ("tenant_id", "effective_from") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_1fc76a021a964060b1400a8afe"`);
        await queryRunner.query(`ALTER TABLE "hall_hours" RENAME TO "temporary_hall_hours"`);
        await queryRunner.query(`CREATE TABLE "hall_hours" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "opens_at" varchar(5) NOT NULL, "closes_at" varchar(5) NOT NULL, "lunch_starts_at" varchar(5), "lunch_ends_at" varchar(5), "version" integer NOT NULL)`);
        await queryRunner.query(`INSERT INTO "hall_hours"("id", "tenant_id", "opens_at", "closes_at", "lunch_starts_at", "lunch_ends_at", "version") SELECT "id", "tenant_id", "opens_at", "closes_at", "lunch_starts_at", "lunch_ends_at", "version" FROM "temporary_hall_hours"`);
        await queryRunner.query(`DROP TABLE "temporary_hall_hours"`);
        await queryRunner.query(`DROP INDEX "IDX_c8ce3af90a5aa59ac6e2414d04"`);
        await queryRunner.query(`ALTER TABLE "calendar_override" RENAME TO "temporary_calendar_override"`);
        await queryRunner.query(`CREATE TABLE "calendar_override" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "date" varchar(10) NOT NULL, "working" boolean NOT NULL, "reason" varchar(200) NOT NULL, "created_by_id" integer)`);
        await queryRunner.query(`INSERT INTO "calendar_override"("id", "tenant_id", "date", "working", "reason", "created_by_id") SELECT "id", "tenant_id", "date", "working", "reason", "created_by_id" FROM "temporary_calendar_override"`);
        await queryRunner.query(`DROP TABLE "temporary_calendar_override"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c8ce3af90a5aa59ac6e2414d04" ON "calendar_override" ("tenant_id", "date") `);
        await queryRunner.query(`DROP INDEX "IDX_6a152008018fa6de69a91e8485"`);
        await queryRunner.query(`DROP TABLE "centre_address"`);
        await queryRunner.query(`DROP INDEX "IDX_65a171f75a6e3698bfd73794dc"`);
        await queryRunner.query(`DROP TABLE "public_notice"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_9499cd0f38bea090564555034f" ON "hall_hours" ("tenant_id") `);
    }

}
