import { MigrationInterface, QueryRunner } from "typeorm";

export class Appraisal1764120000000 implements MigrationInterface {
    name = 'Appraisal1764120000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "appraisal_rule_set" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "version" integer NOT NULL, "base_score_centi" integer NOT NULL, "excellent_from_centi" integer NOT NULL, "competent_from_centi" integer NOT NULL, "basically_competent_from_centi" integer NOT NULL, "excellence_quota_percent" integer NOT NULL, "excellence_quota_seats" integer, "note" varchar(500) NOT NULL DEFAULT (''), "created_by_id" integer NOT NULL, "created_at" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2bf4ba2d105eba8a72cf09753a" ON "appraisal_rule_set" ("tenant_id", "version") `);
        await queryRunner.query(`CREATE TABLE "appraisal_rule_item" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "rule_set_id" integer NOT NULL, "position" integer NOT NULL, "subject_kind" varchar(8) NOT NULL, "source" varchar(24) NOT NULL, "sanction_kind" varchar(24), "mode" varchar(12) NOT NULL, "points_centi" integer NOT NULL, "cap_centi" integer, "label" varchar(100) NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c94815bfb6d3d0e9bd1cea499c" ON "appraisal_rule_item" ("tenant_id", "rule_set_id", "position") `);
        await queryRunner.query(`CREATE TABLE "appraisal_period" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "kind" varchar(8) NOT NULL, "start" varchar(10) NOT NULL, "end" varchar(10) NOT NULL, "rule_set_id" integer NOT NULL, "status" varchar(12) NOT NULL, "opened_by_id" integer NOT NULL, "opened_at" datetime(3) NOT NULL, "computed_at" datetime(3) NOT NULL, "published_by_id" integer, "published_at" datetime(3), "version" integer NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ad169f4a6da0c0771cb58510b5" ON "appraisal_period" ("tenant_id", "kind", "start") `);
        await queryRunner.query(`CREATE TABLE "appraisal_result" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "period_id" integer NOT NULL, "subject_kind" varchar(8) NOT NULL, "subject_id" integer NOT NULL, "department_id" integer, "score_centi" integer NOT NULL, "deducted_centi" integer NOT NULL, "proposed_grade" varchar(20) NOT NULL, "grade" varchar(20), "rank" integer NOT NULL, "excellence_barred" boolean NOT NULL DEFAULT (0), "chief_representative_annual" boolean NOT NULL DEFAULT (0), "version" integer NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_933209c798537fe77b7909fb34" ON "appraisal_result" ("tenant_id", "subject_kind", "subject_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_4a3f9711bf5e30098ab97e163e" ON "appraisal_result" ("tenant_id", "period_id", "subject_kind", "subject_id") `);
        await queryRunner.query(`CREATE TABLE "appraisal_line" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "period_id" integer NOT NULL, "result_id" integer NOT NULL, "position" integer NOT NULL, "kind" varchar(12) NOT NULL, "source" varchar(24) NOT NULL, "item_id" integer, "label" varchar(100) NOT NULL, "count" integer NOT NULL, "met_count" integer, "points_centi" integer NOT NULL, "reason" varchar(500), "created_by_id" integer, "created_at" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_83ff5d1d7b98884c87bf00078b" ON "appraisal_line" ("tenant_id", "period_id", "kind") `);
        await queryRunner.query(`CREATE INDEX "IDX_023a22629e35c3ff0091dbf421" ON "appraisal_line" ("tenant_id", "result_id", "position") `);
        await queryRunner.query(`CREATE TABLE "appraisal_line_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "period_id" integer NOT NULL, "line_id" integer NOT NULL, "event_kind" varchar(20) NOT NULL, "event_id" integer NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_ef136488520cff4b01da6492a2" ON "appraisal_line_event" ("tenant_id", "period_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_5e8bd3e0226f0a69acfc310a00" ON "appraisal_line_event" ("tenant_id", "line_id") `);
        await queryRunner.query(`CREATE TABLE "appraisal_commendation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "person_id" integer NOT NULL, "kind" varchar(24) NOT NULL, "evaluation_id" integer, "received_on" varchar(10) NOT NULL, "note" varchar(500) NOT NULL, "recorded_by_id" integer NOT NULL, "recorded_at" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_d41242d71c2dde93ed1e0fd973" ON "appraisal_commendation" ("tenant_id", "person_id", "received_on") `);
        await queryRunner.query(`DROP INDEX "IDX_513667e4134ec5cf536261a024"`);
        await queryRunner.query(`CREATE TABLE "temporary_department" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "name" varchar(64) NOT NULL, "kind" varchar(24) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "head_id" integer)`);
        await queryRunner.query(`INSERT INTO "temporary_department"("id", "tenant_id", "name", "kind", "created_at") SELECT "id", "tenant_id", "name", "kind", "created_at" FROM "department"`);
        await queryRunner.query(`DROP TABLE "department"`);
        await queryRunner.query(`ALTER TABLE "temporary_department" RENAME TO "department"`);
        await queryRunner.query(`CREATE INDEX "IDX_513667e4134ec5cf536261a024" ON "department" ("tenant_id", "kind") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_513667e4134ec5cf536261a024"`);
        await queryRunner.query(`ALTER TABLE "department" RENAME TO "temporary_department"`);
        await queryRunner.query(`CREATE TABLE "department" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "name" varchar(64) NOT NULL, "kind" varchar(24) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`INSERT INTO "department"("id", "tenant_id", "name", "kind", "created_at") SELECT "id", "tenant_id", "name", "kind", "created_at" FROM "temporary_department"`);
        await queryRunner.query(`DROP TABLE "temporary_department"`);
        await queryRunner.query(`CREATE INDEX "IDX_513667e4134ec5cf536261a024" ON "department" ("tenant_id", "kind") `);
        await queryRunner.query(`DROP INDEX "IDX_d41242d71c2dde93ed1e0fd973"`);
        await queryRunner.query(`DROP TABLE "appraisal_commendation"`);
        await queryRunner.query(`DROP INDEX "IDX_5e8bd3e0226f0a69acfc310a00"`);
        await queryRunner.query(`DROP INDEX "IDX_ef136488520cff4b01da6492a2"`);
        await queryRunner.query(`DROP TABLE "appraisal_line_event"`);
        await queryRunner.query(`DROP INDEX "IDX_023a22629e35c3ff0091dbf421"`);
        await queryRunner.query(`DROP INDEX "IDX_83ff5d1d7b98884c87bf00078b"`);
        await queryRunner.query(`DROP TABLE "appraisal_line"`);
        await queryRunner.query(`DROP INDEX "IDX_4a3f9711bf5e30098ab97e163e"`);
        await queryRunner.query(`DROP INDEX "IDX_933209c798537fe77b7909fb34"`);
        await queryRunner.query(`DROP TABLE "appraisal_result"`);
        await queryRunner.query(`DROP INDEX "IDX_ad169f4a6da0c0771cb58510b5"`);
        await queryRunner.query(`DROP TABLE "appraisal_period"`);
        await queryRunner.query(`DROP INDEX "IDX_c94815bfb6d3d0e9bd1cea499c"`);
        await queryRunner.query(`DROP TABLE "appraisal_rule_item"`);
        await queryRunner.query(`DROP INDEX "IDX_2bf4ba2d105eba8a72cf09753a"`);
        await queryRunner.query(`DROP TABLE "appraisal_rule_set"`);
    }

}
