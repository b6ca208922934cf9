import { MigrationInterface, QueryRunner } from "typeorm";

export class SupervisionNoticesAndSampling1764110000000 implements MigrationInterface {
    name = 'SupervisionNoticesAndSampling1764110000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "supervision_notice" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "cause_kind" varchar(24) NOT NULL, "cause_id" integer, "cause_round" integer NOT NULL DEFAULT (1), "status" varchar(16) NOT NULL, "department_id" integer, "person_id" integer, "reason" varchar(2000) NOT NULL, "issued_by_id" integer, "issued_at" datetime(3) NOT NULL, "reply_due_at" datetime(3) NOT NULL, "reply_cause" varchar(2000), "reply_correction" varchar(2000), "replied_by_id" integer, "replied_at" datetime(3), "send_backs" integer NOT NULL DEFAULT (0), "send_back_reason" varchar(1000), "escalated_at" datetime(3), "accepted_at" datetime(3), "check_run" varchar(36), "escalation_run" varchar(36), "version" integer NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_08f301c7190f3a9d4b833f18a2" ON "supervision_notice" ("tenant_id", "escalation_run") `);
        await queryRunner.query(`CREATE INDEX "IDX_d6a3eace03dd722b4201b1d44b" ON "supervision_notice" ("tenant_id", "check_run") `);
        await queryRunner.query(`CREATE INDEX "IDX_c520ac00a1af17da95e398e729" ON "supervision_notice" ("tenant_id", "issued_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_0352ffdfff9adc51c1e301bfed" ON "supervision_notice" ("tenant_id", "department_id", "status") `);
        await queryRunner.query(`CREATE INDEX "IDX_186ba8b6c57a8224b07de0a9a2" ON "supervision_notice" ("tenant_id", "status", "reply_due_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_851dad886a0ef64e19613c47dc" ON "supervision_notice" ("tenant_id", "cause_kind", "cause_id", "cause_round") `);
        await queryRunner.query(`CREATE TABLE "supervision_notice_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "notice_id" integer NOT NULL, "action" varchar(16) NOT NULL, "to_status" varchar(16) NOT NULL, "actor_id" integer, "note" varchar(1000) NOT NULL DEFAULT (''), "at" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_3b7cb3258126e3d1b423fef9d4" ON "supervision_notice_event" ("tenant_id", "notice_id", "id") `);
        await queryRunner.query(`CREATE TABLE "supervision_settings" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "reply_working_days" integer NOT NULL, "version" integer NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_5c27886135fe07f680ffeca3b0" ON "supervision_settings" ("tenant_id") `);
        await queryRunner.query(`CREATE TABLE "case_light_mark" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "application_id" integer NOT NULL, "light" varchar(8) NOT NULL, "check_run" varchar(36) NOT NULL, "marked_at" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_9ee6ead6193cde0eae4e68d26e" ON "case_light_mark" ("tenant_id", "check_run") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_6458e393df84ac6d78abc12559" ON "case_light_mark" ("tenant_id", "application_id", "light") `);
        await queryRunner.query(`CREATE TABLE "case_sample" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "from_date" varchar(10) NOT NULL, "to_date" varchar(10) NOT NULL, "department_id" integer, "size" integer NOT NULL, "population" integer NOT NULL, "seed" varchar(32) NOT NULL, "drawn_by_id" integer NOT NULL, "drawn_at" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_217beb1b2459fb9ecb9c526a79" ON "case_sample" ("tenant_id", "drawn_at") `);
        await queryRunner.query(`CREATE TABLE "sampled_case" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "sample_id" integer NOT NULL, "position" integer NOT NULL, "application_id" integer NOT NULL, "verdict" varchar(16) NOT NULL, "problems" text NOT NULL, "note" varchar(2000) NOT NULL DEFAULT (''), "inspected_by_id" integer, "inspected_at" datetime(3), "version" integer NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_707b4fefc03e2ca4db022032ba" ON "sampled_case" ("tenant_id", "sample_id", "application_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_35afd4dc245a907d57c7b81b34" ON "sampled_case" ("tenant_id", "sample_id", "position") `);
        await queryRunner.query(`DROP INDEX "IDX_2706a1fba4d7bff6d0d7ba2ffa"`);
        await queryRunner.query(`DROP INDEX "IDX_2db4876ba40ba0a97315ff2395"`);
        await queryRunner.query(`DROP INDEX "IDX_d5527ca5d10faab53b0f812beb"`);
        await queryRunner.query(`CREATE TABLE "temporary_sanction" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "person_id" integer NOT NULL, "kind" varchar(24) NOT NULL, "basis_kind" varchar(16) NOT NULL, "complaint_id" integer, "application_id" integer, "basis_text" varchar(200), "violation" boolean NOT NULL DEFAULT (0), "severe" boolean NOT NULL DEFAULT (0), "decided_by_id" integer NOT NULL, "decided_on" varchar(10) NOT NULL, "note" varchar(1000) NOT NULL DEFAULT (''), "revokes_id" integer, "recorded_at" datetime(3) NOT NULL, "sampled_case_id" integer)`);
        await queryRunner.query(`INSERT INTO "temporary_sanction"("id", "tenant_id", "person_id", "kind", "basis_kind", "complaint_id", "application_id", "basis_text", "violation", "severe", "decided_by_id", "decided_on", "note", "revokes_id", "recorded_at") SELECT "id", "tenant_id", "person_id", "kind", "basis_kind", "complaint_id", "application_id", "basis_text", "violation", "severe", "decided_by_id", "decided_on", "note", "revokes_id", "recorded_at" FROM "sanction"`);
        await queryRunner.query(`DROP TABLE "sanction"`);
        await queryRunner.query(`ALTER TABLE "temporary_sanction" RENAME TO "sanction"`);
        await queryRunner.query(`CREATE INDEX "IDX_2706a1fba4d7bff6d0d7ba2ffa" ON "sanction" ("tenant_id", "person_id", "decided_on") `);
        await queryRunner.query(`CREATE INDEX "IDX_2db4876ba40ba0a97315ff2395" ON "sanction" ("tenant_id", "complaint_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d5527ca5d10faab53b0f812beb" ON "sanction" ("tenant_id", "revokes_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_bc0061925707ff56ba95833128" ON "sanction" ("tenant_id", "sampled_case_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_bc0061925707ff56ba95833128"`);
        await queryRunner.query(`DROP INDEX "IDX_d5527ca5d10faab53b0f812beb"`);
        await queryRunner.query(`DROP INDEX "IDX_2db4876ba40ba0a97315ff2395"`);
        await queryRunner.query(`DROP INDEX "IDX_2706a1fba4d7bff6d0d7ba2ffa"`);
        await queryRunner.query(`ALTER TABLE "sanction" RENAME TO "temporary_sanction"`);
        await queryRunner.query(`CREATE TABLE "sanction" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "person_id" integer NOT NULL, "kind" varchar(24) NOT NULL, "basis_kind" varchar(16) NOT NULL, "complaint_id" integer, "application_id" integer, "basis_text" varchar(200), "violation" boolean NOT NULL DEFAULT (0), "severe" boolean NOT NULL DEFAULT (0), "decided_by_id" integer NOT NULL, "decided_on" varchar(10) NOT NULL, "note" varchar(1000) NOT NULL DEFAULT (''), "revokes_id" integer, "recorded_at" datetime(3) NOT NULL)`);
        await queryRunner.query(`INSERT INTO "sanction"("id", "tenant_id", "person_id", "kind", "basis_kind", "complaint_id", "application_id", "basis_text", "violation", "severe", "decided_by_id", "decided_on", "note", "revokes_id", "recorded_at") SELECT "id", "tenant_id", "person_id", "kind", "basis_kind", "complaint_id", "application_id", "basis_text", "violation", "severe", "decided_by_id", "decided_on", "note", "revokes_id", "recorded_at" FROM "temporary_sanction"`);
        await queryRunner.query(`DROP TABLE "temporary_sanction"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d5527ca5d10faab53b0f812beb" ON "sanction" ("tenant_id", "revokes_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_2db4876ba40ba0a97315ff2395" ON "sanction" ("tenant_id", "complaint_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_2706a1fba4d7bff6d0d7ba2ffa" ON "sanction" ("tenant_id", "person_id", "decided_on") `);
        await queryRunner.query(`DROP INDEX "IDX_35afd4dc245a907d57c7b81b34"`);
        await queryRunner.query(`DROP INDEX "IDX_707b4fefc03e2ca4db022032ba"`);
        await queryRunner.query(`DROP TABLE "sampled_case"`);
        await queryRunner.query(`DROP INDEX "IDX_217beb1b2459fb9ecb9c526a79"`);
        await queryRunner.query(`DROP TABLE "case_sample"`);
        await queryRunner.query(`DROP INDEX "IDX_6458e393df84ac6d78abc12559"`);
        await queryRunner.query(`DROP INDEX "IDX_9ee6ead6193cde0eae4e68d26e"`);
        await queryRunner.query(`DROP TABLE "case_light_mark"`);
        await queryRunner.query(`DROP INDEX "IDX_5c27886135fe07f680ffeca3b0"`);
        await queryRunner.query(`DROP TABLE "supervision_settings"`);
        await queryRunner.query(`DROP INDEX "IDX_3b7cb3258126e3d1b423fef9d4"`);
        await queryRunner.query(`DROP TABLE "supervision_notice_event"`);
        await queryRunner.query(`DROP INDEX "IDX_851dad886a0ef64e19613c47dc"`);
        await queryRunner.query(`DROP INDEX "IDX_186ba8b6c57a8224b07de0a9a2"`);
        await queryRunner.query(`DROP INDEX "IDX_0352ffdfff9adc51c1e301bfed"`);
        await queryRunner.query(`DROP INDEX "IDX_c520ac00a1af17da95e398e729"`);
        await queryRunner.query(`DROP INDEX "IDX_d6a3eace03dd722b4201b1d44b"`);
        await queryRunner.query(`DROP INDEX "IDX_08f301c7190f3a9d4b833f18a2"`);
        await queryRunner.query(`DROP TABLE "supervision_notice"`);
    }

}
