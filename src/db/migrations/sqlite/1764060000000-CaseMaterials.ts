import { MigrationInterface, QueryRunner } from "typeorm";

export class CaseMaterials1764060000000 implements MigrationInterface {
    name = 'CaseMaterials1764060000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_db0b0c01d4bfb0e73d53889b29"`);
        await queryRunner.query(`DROP INDEX "IDX_a941d84c87e2af0f3c5cf14e5c"`);
        await queryRunner.query(`DROP INDEX "IDX_3da059d14d45a351d7d29b27db"`);
        await queryRunner.query(`DROP INDEX "IDX_8c0476754894936a74e2dcbd9f"`);
        await queryRunner.query(`DROP INDEX "IDX_3bd00e84515b2306b9fcb63750"`);
        await queryRunner.query(`DROP INDEX "IDX_86627e5b612935e34d38232623"`);
        await queryRunner.query(`DROP INDEX "IDX_8ab9113a98516f38ecd0c5aec7"`);
        await queryRunner.query(`DROP INDEX "IDX_c1aad773a853e87570f127e1e8"`);
        await queryRunner.query(`DROP INDEX "IDX_733a6b7e59d52a5a29734d28f9"`);
        await queryRunner.query(`CREATE TABLE "temporary_application" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "number" varchar(24) NOT NULL, "matter_id" integer NOT NULL, "department_id" integer NOT NULL, "receiving_window_id" integer NOT NULL, "received_by_id" integer NOT NULL, "applicant_kind" varchar(16) NOT NULL, "applicant_name" varchar(100) NOT NULL, "applicant_id_type" varchar(32) NOT NULL, "applicant_id_number" varchar(32) NOT NULL, "applicant_phone" varchar(20) NOT NULL, "applicant_address" varchar(200) NOT NULL, "credit_code" varchar(18), "status" varchar(24) NOT NULL, "status_before_suspension" varchar(24), "received_at" datetime(3) NOT NULL, "accepted_at" datetime(3), "due_at" datetime(3), "suspended_at" datetime(3), "extension_days" integer NOT NULL DEFAULT (0), "decision" varchar(8), "decided_at" datetime(3), "decision_working_days" integer, "denial_reason" varchar(1000), "one_time_notice" text, "reported_to" varchar(200), "report_reply" varchar(1000), "withdrawal_reason" varchar(500), "delivery_method" varchar(8), "carrier" varchar(32), "tracking_number" varchar(40), "delivered_at" datetime(3), "version" integer NOT NULL, "due_at_provisional" boolean NOT NULL DEFAULT (0), "suspended_days" integer NOT NULL DEFAULT (0), "supplement_due_at" datetime(3), "not_accepted_reason" varchar(24), "reported_at" datetime(3), "report_replied_at" datetime(3), "provided_material_ids" text)`);
        await queryRunner.query(`INSERT INTO "temporary_application"("id", "tenant_id", "number", "matter_id", "department_id", "receiving_window_id", "received_by_id", "applicant_kind", "applicant_name", "applicant_id_type", "applicant_id_number", "applicant_phone", "applicant_address", "credit_code", "status", "status_before_suspension", "received_at", "accepted_at", "due_at", "suspended_at", "extension_days", "decision", "decided_at", "decision_working_days", "denial_reason", "one_time_notice", "reported_to", "report_reply", "withdrawal_reason", "delivery_method", "carrier", "tracking_number", "delivered_at", "version", "due_at_provisional", "suspended_days", "supplement_due_at", "not_accepted_reason", "reported_at", "report_replied_at") SELECT "id", "tenant_id", "number", "matter_id", "department_id", "receiving_window_id", "received_by_id", "applicant_kind", "applicant_name", "applicant_id_type", "applicant_id_number", "applicant_phone", "applicant_address", "credit_code", "status", "status_before_suspension", "received_at", "accepted_at", "due_at", "suspended_at", "extension_days", "decision", "decided_at", "decision_working_days", "denial_reason", "one_time_notice", "reported_to", "report_reply", "withdrawal_reason", "delivery_method", "carrier", "tracking_number", "delivered_at", "version", "due_at_provisional", "suspended_days", "supplement_due_at", "not_accepted_reason", "reported_at", "report_replied_at" FROM "application"`);
        await queryRunner.query(`DROP TABLE "application"`);
        await queryRunner.query(`ALTER TABLE "temporary_application" RENAME TO "application"`);
        await queryRunner.query(`CREATE INDEX "IDX_db0b0c01d4bfb0e73d53889b29" ON "application" ("tenant_id", "due_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_a941d84c87e2af0f3c5cf14e5c" ON "application" ("tenant_id", "applicant_id_number") `);
        await queryRunner.query(`CREATE INDEX "IDX_3da059d14d45a351d7d29b27db" ON "application" ("tenant_id", "applicant_name") `);
        await queryRunner.query(`CREATE INDEX "IDX_8c0476754894936a74e2dcbd9f" ON "application" ("tenant_id", "status", "due_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_3bd00e84515b2306b9fcb63750" ON "application" ("tenant_id", "receiving_window_id", "received_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_86627e5b612935e34d38232623" ON "application" ("tenant_id", "department_id", "received_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_8ab9113a98516f38ecd0c5aec7" ON "application" ("tenant_id", "matter_id", "received_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_c1aad773a853e87570f127e1e8" ON "application" ("tenant_id", "received_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_733a6b7e59d52a5a29734d28f9" ON "application" ("tenant_id", "number") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_733a6b7e59d52a5a29734d28f9"`);
        await queryRunner.query(`DROP INDEX "IDX_c1aad773a853e87570f127e1e8"`);
        await queryRunner.query(`DROP INDEX "IDX_8ab9113a98516f38ecd0c5aec7"`);
        await queryRunner.query(`DROP INDEX "IDX_86627e5b612935e34d38232623"`);
        await queryRunner.query(`DROP INDEX "IDX_3bd00e84515b2306b9fcb63750"`);
        await queryRunner.query(`DROP INDEX "IDX_8c0476754894936a74e2dcbd9f"`);
        await queryRunner.query(`DROP INDEX "IDX_3da059d14d45a351d7d29b27db"`);
        await queryRunner.query(`DROP INDEX "IDX_a941d84c87e2af0f3c5cf14e5c"`);
        await queryRunner.query(`DROP INDEX "IDX_db0b0c01d4bfb0e73d53889b29"`);
        await queryRunner.query(`ALTER TABLE "application" RENAME TO "temporary_application"`);
        await queryRunner.query(`CREATE TABLE "application" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "number" varchar(24) NOT NULL, "matter_id" integer NOT NULL, "department_id" integer NOT NULL, "receiving_window_id" integer NOT NULL, "received_by_id" integer NOT NULL, "applicant_kind" varchar(16) NOT NULL, "applicant_name" varchar(100) NOT NULL, "applicant_id_type" varchar(32) NOT NULL, "applicant_id_number" varchar(32) NOT NULL, "applicant_phone" varchar(20) NOT NULL, "applicant_address" varchar(200) NOT NULL, "credit_code" varchar(18), "status" varchar(24) NOT NULL, "status_before_suspension" varchar(24), "received_at" datetime(3) NOT NULL, "accepted_at" datetime(3), "due_at" datetime(3), "suspended_at" datetime(3), "extension_days" integer NOT NULL DEFAULT (0), "decision" varchar(8), "decided_at" datetime(3), "decision_working_days" integer, "denial_reason" varchar(1000), "one_time_notice" text, "reported_to" varchar(200), "report_reply" varchar(1000), "withdrawal_reason" varchar(500), "delivery_method" varchar(8), "carrier" varchar(32), "tracking_number" varchar(40), "delivered_at" datetime(3), "version" integer NOT NULL, "due_at_provisional" boolean NOT NULL DEFAULT (0), "suspended_days" integer NOT NULL DEFAULT (0), "supplement_due_at" datetime(3), "not_accepted_reason" varchar(24), "reported_at" datetime(3), "report_replied_at" datetime(3))`);
        await queryRunner.query(`INSERT INTO "application"("id", "tenant_id", "number", "matter_id", "department_id", "receiving_window_id", "received_by_id", "applicant_kind", "applicant_name", "applicant_id_type", "applicant_id_number", "applicant_phone", "applicant_address", "credit_code", "status", "status_before_suspension", "received_at", "accepted_at", "due_at", "suspended_at", "extension_days", "decision", "decided_at", "decision_working_days", "denial_reason", "one_time_notice", "reported_to", "report_reply", "withdrawal_reason", "delivery_method", "carrier", "tracking_number", "delivered_at", "version", "due_at_provisional", "suspended_days", "supplement_due_at", "not_accepted_reason", "reported_at", "report_replied_at") SELECT "id", "tenant_id", "number", "matter_id", "department_id", "receiving_window_id", "received_by_id", "applicant_kind", "applicant_name", "applicant_id_type", "applicant_id_number", "applicant_phone", "applicant_address", "credit_code", "status", "status_before_suspension", "received_at", "accepted_at", "due_at", "suspended_at", "extension_days", "decision", "decided_at", "decision_working_days", "denial_reason", "one_time_notice", "reported_to", "report_reply", "withdrawal_reason", "delivery_method", "carrier", "tracking_number", "delivered_at", "version", "due_at_provisional", "suspended_days", "supplement_due_at", "not_accepted_reason", "reported_at", "report_replied_at" FROM "temporary_application"`);
        await queryRunner.query(`DROP TABLE "temporary_application"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_733a6b7e59d52a5a29734d28f9" ON "application" ("tenant_id", "number") `);
        await queryRunner.query(`CREATE INDEX "IDX_c1aad773a853e87570f127e1e8" ON "application" ("tenant_id", "received_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_8ab9113a98516f38ecd0c5aec7" ON "application" ("tenant_id", "matter_id", "received_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_86627e5b612935e34d38232623" ON "application" ("tenant_id", "department_id", "received_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_3bd00e84515b2306b9fcb63750" ON "application" ("tenant_id", "receiving_window_id", "received_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_8c0476754894936a74e2dcbd9f" ON "application" ("tenant_id", "status", "due_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_3da059d14d45a351d7d29b27db" ON "application" ("tenant_id", "applicant_name") `);
        await queryRunner.query(`CREATE INDEX "IDX_a941d84c87e2af0f3c5cf14e5c" ON "application" ("tenant_id", "applicant_id_number") `);
        await queryRunner.query(`CREATE INDEX "IDX_db0b0c01d4bfb0e73d53889b29" ON "application" ("tenant_id", "due_at") `);
    }

}
