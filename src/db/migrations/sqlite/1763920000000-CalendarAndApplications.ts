import { MigrationInterface, QueryRunner } from "typeorm";

export class CalendarAndApplications1763920000000 implements MigrationInterface {
    name = 'CalendarAndApplications1763920000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "throttle" ("throttle_key" varchar(128) PRIMARY KEY NOT NULL, "failures" integer NOT NULL DEFAULT (0), "window_started_at" datetime NOT NULL, "locked_until" datetime)`);
        await queryRunner.query(`CREATE TABLE "national_calendar_day" ("date" varchar(10) PRIMARY KEY NOT NULL, "working" boolean NOT NULL, "name" varchar(32) NOT NULL)`);
        await queryRunner.query(`CREATE TABLE "calendar_override" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "date" varchar(10) NOT NULL, "working" boolean NOT NULL, "reason" varchar(200) NOT NULL, "created_by_id" integer)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c8ce3af90a5aa59ac6e2414d04" ON "calendar_override" ("tenant_id", "date") `);
        await queryRunner.query(`CREATE TABLE "application" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "number" varchar(24) NOT NULL, "matter_id" integer NOT NULL, "department_id" integer NOT NULL, "receiving_window_id" integer NOT NULL, "received_by_id" integer NOT NULL, "applicant_kind" varchar(16) NOT NULL, "applicant_name" varchar(100) NOT NULL, "applicant_id_type" varchar(32) NOT NULL, "applicant_id_number" varchar(32) NOT NULL, "applicant_phone" varchar(20) NOT NULL, "applicant_address" varchar(200) NOT NULL, "credit_code" varchar(18), "status" varchar(16) NOT NULL, "status_before_suspension" varchar(16), "received_at" datetime(3) NOT NULL, "accepted_at" datetime(3), "due_at" datetime(3), "suspended_at" datetime(3), "extension_days" integer NOT NULL DEFAULT (0), "decision" varchar(8), "decided_at" datetime(3), "decision_working_days" integer, "denial_reason" varchar(1000), "one_time_notice" text, "reported_to" varchar(200), "report_reply" varchar(1000), "withdrawal_reason" varchar(500), "delivery_method" varchar(8), "carrier" varchar(32), "tracking_number" varchar(40), "delivered_at" datetime(3), "version" integer NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_3bd00e84515b2306b9fcb63750" ON "application" ("tenant_id", "receiving_window_id", "received_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_86627e5b612935e34d38232623" ON "application" ("tenant_id", "department_id", "received_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_8ab9113a98516f38ecd0c5aec7" ON "application" ("tenant_id", "matter_id", "received_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_c1aad773a853e87570f127e1e8" ON "application" ("tenant_id", "received_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_8c0476754894936a74e2dcbd9f" ON "application" ("tenant_id", "status", "due_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_733a6b7e59d52a5a29734d28f9" ON "application" ("tenant_id", "number") `);
        await queryRunner.query(`CREATE TABLE "application_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "application_id" integer NOT NULL, "action" varchar(24) NOT NULL, "from_status" varchar(16), "to_status" varchar(16) NOT NULL, "actor_id" integer, "at" datetime(3) NOT NULL, "note" varchar(1000) NOT NULL DEFAULT (''))`);
        await queryRunner.query(`CREATE INDEX "IDX_75d9b3f56126bafbee9e4f9a33" ON "application_event" ("tenant_id", "application_id", "id") `);
        await queryRunner.query(`CREATE TABLE "joint_opinion" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "application_id" integer NOT NULL, "department_id" integer NOT NULL, "agrees" boolean NOT NULL, "note" varchar(1000) NOT NULL DEFAULT (''), "actor_id" integer NOT NULL, "at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e64a964e06cf35de03bf4ab140" ON "joint_opinion" ("tenant_id", "application_id", "department_id") `);
        await queryRunner.query(`CREATE TABLE "application_counter" ("tenant_id" integer NOT NULL, "day" varchar(8) NOT NULL, "last_sequence" integer NOT NULL, PRIMARY KEY ("tenant_id", "day"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "application_counter"`);
        await queryRunner.query(`DROP INDEX "IDX_e64a964e06cf35de03bf4ab140"`);
        await queryRunner.query(`DROP TABLE "joint_opinion"`);
        await queryRunner.query(`DROP INDEX "IDX_75d9b3f56126bafbee9e4f9a33"`);
        await queryRunner.query(`DROP TABLE "application_event"`);
        await queryRunner.query(`DROP INDEX "IDX_733a6b7e59d52a5a29734d28f9"`);
        await queryRunner.query(`DROP INDEX "IDX_8c0476754894936a74e2dcbd9f"`);
        await queryRunner.query(`DROP INDEX "IDX_c1aad773a853e87570f127e1e8"`);
        await queryRunner.query(`DROP INDEX "IDX_8ab9113a98516f38ecd0c5aec7"`);
        await queryRunner.query(`DROP INDEX "IDX_86627e5b612935e34d38232623"`);
        await queryRunner.query(`DROP INDEX "IDX_3bd00e84515b2306b9fcb63750"`);
        await queryRunner.query(`DROP TABLE "application"`);
        await queryRunner.query(`DROP INDEX "IDX_c8ce3af90a5aa59ac6e2414d04"`);
        await queryRunner.query(`DROP TABLE "calendar_override"`);
        await queryRunner.query(`DROP TABLE "national_calendar_day"`);
        await queryRunner.query(`DROP TABLE "throttle"`);
    }

}
