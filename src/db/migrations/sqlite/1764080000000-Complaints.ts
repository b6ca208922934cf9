import { MigrationInterface, QueryRunner } from "typeorm";

export class Complaints1764080000000 implements MigrationInterface {
    name = 'Complaints1764080000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "complaint" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "number" varchar(32) NOT NULL, "query_code_hash" varchar(64) NOT NULL, "channel" varchar(16) NOT NULL, "category" varchar(16) NOT NULL, "handler" varchar(12) NOT NULL, "handling_department_id" integer NOT NULL, "status" varchar(16) NOT NULL, "anonymous" boolean NOT NULL, "complainant_name" varchar(100), "complainant_contact" varchar(100), "content" varchar(2000) NOT NULL, "window_id" integer, "staff_id" integer, "department_id" integer, "application_id" integer, "received_by_id" integer, "received_at" datetime(3) NOT NULL, "due_at" datetime(3) NOT NULL, "assignee_id" integer, "outcome" varchar(12), "findings" varchar(2000), "reply" varchar(2000), "resolved_at" datetime(3), "return_visit_satisfied" boolean, "return_visit_note" varchar(1000), "return_visit_at" datetime(3), "return_visit_by_id" integer, "reopened" boolean NOT NULL DEFAULT (0), "closed_at" datetime(3), "version" integer NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_bae0e2b52caf7a8581eb627706" ON "complaint" ("tenant_id", "received_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_ec5092686a66578ac54959c613" ON "complaint" ("tenant_id", "status", "due_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_05677d418d9afaa190194bab0a" ON "complaint" ("tenant_id", "number") `);
        await queryRunner.query(`CREATE TABLE "complaint_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "complaint_id" integer NOT NULL, "action" varchar(24) NOT NULL, "from_status" varchar(16), "to_status" varchar(16) NOT NULL, "actor_id" integer, "at" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_1b5259b51a5b211a51f9aaf6a8" ON "complaint_event" ("tenant_id", "complaint_id", "id") `);
        await queryRunner.query(`CREATE TABLE "complaint_counter" ("tenant_id" integer NOT NULL, "day" varchar(8) NOT NULL, "last_sequence" integer NOT NULL, PRIMARY KEY ("tenant_id", "day"))`);
        await queryRunner.query(`CREATE TABLE "complaint_settings" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "reply_working_days" integer NOT NULL, "version" integer NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_6037cdfeb038e282f993b5e956" ON "complaint_settings" ("tenant_id") `);
        await queryRunner.query(`CREATE TABLE "sanction" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "person_id" integer NOT NULL, "kind" varchar(24) NOT NULL, "basis_kind" varchar(16) NOT NULL, "complaint_id" integer, "application_id" integer, "basis_text" varchar(200), "violation" boolean NOT NULL DEFAULT (0), "severe" boolean NOT NULL DEFAULT (0), "decided_by_id" integer NOT NULL, "decided_on" varchar(10) NOT NULL, "note" varchar(1000) NOT NULL DEFAULT (''), "revokes_id" integer, "recorded_at" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d5527ca5d10faab53b0f812beb" ON "sanction" ("tenant_id", "revokes_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_2db4876ba40ba0a97315ff2395" ON "sanction" ("tenant_id", "complaint_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_2706a1fba4d7bff6d0d7ba2ffa" ON "sanction" ("tenant_id", "person_id", "decided_on") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_2706a1fba4d7bff6d0d7ba2ffa"`);
        await queryRunner.query(`DROP INDEX "IDX_2db4876ba40ba0a97315ff2395"`);
        await queryRunner.query(`DROP INDEX "IDX_d5527ca5d10faab53b0f812beb"`);
        await queryRunner.query(`DROP TABLE "sanction"`);
        await queryRunner.query(`DROP INDEX "IDX_6037cdfeb038e282f993b5e956"`);
        await queryRunner.query(`DROP TABLE "complaint_settings"`);
        await queryRunner.query(`DROP TABLE "complaint_counter"`);
        await queryRunner.query(`DROP INDEX "IDX_1b5259b51a5b211a51f9aaf6a8"`);
        await queryRunner.query(`DROP TABLE "complaint_event"`);
        await queryRunner.query(`DROP INDEX "IDX_05677d418d9afaa190194bab0a"`);
        await queryRunner.query(`DROP INDEX "IDX_ec5092686a66578ac54959c613"`);
        await queryRunner.query(`DROP INDEX "IDX_bae0e2b52caf7a8581eb627706"`);
        await queryRunner.query(`DROP TABLE "complaint"`);
    }

}
