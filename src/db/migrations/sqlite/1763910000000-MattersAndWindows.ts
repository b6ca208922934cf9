import { MigrationInterface, QueryRunner } from "typeorm";

export class MattersAndWindows1763910000000 implements MigrationInterface {
    name = 'MattersAndWindows1763910000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "matter" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "name" varchar(128) NOT NULL, "type" varchar(32) NOT NULL, "basis" text NOT NULL, "code" varchar(16) NOT NULL, "legal_limit_days" integer NOT NULL, "acceptance_conditions" text NOT NULL, "intermediary_services" text NOT NULL, "service_objects" text NOT NULL, "category" varchar(16) NOT NULL, "duties" text NOT NULL, "procedure" text NOT NULL, "department_id" integer NOT NULL, "joint_department_ids" text NOT NULL, "promised_limit_days" integer NOT NULL, "consultation_phone" varchar(32) NOT NULL, "complaint_phone" varchar(32) NOT NULL, "address" varchar(200) NOT NULL, "cross_region" boolean NOT NULL DEFAULT (0), "source_matter_id" integer, "status" varchar(16) NOT NULL DEFAULT ('DRAFT'), "suspend_reason" varchar(500), "version" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_d184f118aac13e9cbdb6e88d67" ON "matter" ("tenant_id", "source_matter_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_0fe03d1db306c2cf1acbe22d0a" ON "matter" ("tenant_id", "department_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_2324afb573bf5b2f0a7feb704d" ON "matter" ("tenant_id", "status", "category") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_131d207354fb7ed7caf8fefddc" ON "matter" ("tenant_id", "code") `);
        await queryRunner.query(`CREATE TABLE "material_requirement" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "matter_id" integer NOT NULL, "position" integer NOT NULL, "name" varchar(200) NOT NULL, "required" boolean NOT NULL, "form" varchar(24) NOT NULL, "copies" integer NOT NULL DEFAULT (1), "notes" varchar(500) NOT NULL DEFAULT (''))`);
        await queryRunner.query(`CREATE INDEX "IDX_a9bbcb9f45eb619ed551b6d3f1" ON "material_requirement" ("tenant_id", "matter_id", "position") `);
        await queryRunner.query(`CREATE TABLE "fee_item" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "matter_id" integer NOT NULL, "position" integer NOT NULL, "name" varchar(200) NOT NULL, "basis" varchar(500) NOT NULL, "amount_fen" integer NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_a33a704a01fa163fb949964190" ON "fee_item" ("tenant_id", "matter_id", "position") `);
        await queryRunner.query(`CREATE TABLE "service_window" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "number" varchar(16) NOT NULL, "name" varchar(64) NOT NULL, "hall" varchar(64) NOT NULL, "kind" varchar(16) NOT NULL, "department_id" integer NOT NULL, "chief_representative_id" integer, "status" varchar(8) NOT NULL DEFAULT ('OPEN'), "version" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_5138c20c5d4854a2ecb70e7ec6" ON "service_window" ("tenant_id", "department_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_23879cae397ae85e26133a36ac" ON "service_window" ("tenant_id", "number") `);
        await queryRunner.query(`CREATE TABLE "window_matter" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "window_id" integer NOT NULL, "matter_id" integer NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_2ac917223a519e1e594c91c3ff" ON "window_matter" ("tenant_id", "matter_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b0652fc35bd8c1a9ec6795be4d" ON "window_matter" ("tenant_id", "window_id", "matter_id") `);
        await queryRunner.query(`CREATE TABLE "window_status_change" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "window_id" integer NOT NULL, "status" varchar(8) NOT NULL, "reason" varchar(500) NOT NULL, "actor_id" integer, "at" datetime NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_f76ace6976a33c0bb0bad99e34" ON "window_status_change" ("tenant_id", "window_id", "at") `);
        await queryRunner.query(`CREATE TABLE "window_post" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "window_id" integer NOT NULL, "post" varchar(1) NOT NULL, "user_id" integer NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_4a5078a2507deca14990a45db4" ON "window_post" ("tenant_id", "user_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0076a5d891f29706a415043dae" ON "window_post" ("tenant_id", "window_id", "post") `);
        await queryRunner.query(`CREATE TABLE "staff_absence" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "user_id" integer NOT NULL, "kind" varchar(16) NOT NULL, "starts_at" datetime NOT NULL, "ends_at" datetime NOT NULL, "reason" varchar(500) NOT NULL DEFAULT (''), "created_by_id" integer, "cancelled" boolean NOT NULL DEFAULT (0))`);
        await queryRunner.query(`CREATE INDEX "IDX_75d24242b845f58688669e4607" ON "staff_absence" ("tenant_id", "ends_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_0b5c70a708c15c36317fa0794e" ON "staff_absence" ("tenant_id", "user_id", "starts_at") `);
        await queryRunner.query(`CREATE TABLE "window_cover" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "window_id" integer NOT NULL, "user_id" integer NOT NULL, "absence_id" integer NOT NULL, "starts_at" datetime NOT NULL, "ends_at" datetime NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_7dc2f958a56a547a54bd9e30cb" ON "window_cover" ("tenant_id", "window_id", "starts_at") `);
        await queryRunner.query(`CREATE TABLE "lunch_duty_rota" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "window_id" integer NOT NULL, "group_one_ids" text NOT NULL, "group_two_ids" text NOT NULL, "starts_on" varchar(10) NOT NULL, "version" integer NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7f08184259b9470d0289c36073" ON "lunch_duty_rota" ("tenant_id", "window_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_7f08184259b9470d0289c36073"`);
        await queryRunner.query(`DROP TABLE "lunch_duty_rota"`);
        await queryRunner.query(`DROP INDEX "IDX_7dc2f958a56a547a54bd9e30cb"`);
        await queryRunner.query(`DROP TABLE "window_cover"`);
        await queryRunner.query(`DROP INDEX "IDX_0b5c70a708c15c36317fa0794e"`);
        await queryRunner.query(`DROP INDEX "IDX_75d24242b845f58688669e4607"`);
        await queryRunner.query(`DROP TABLE "staff_absence"`);
        await queryRunner.query(`DROP INDEX "IDX_0076a5d891f29706a415043dae"`);
        await queryRunner.query(`DROP INDEX "IDX_4a5078a2507deca14990a45db4"`);
        await queryRunner.query(`DROP TABLE "window_post"`);
        await queryRunner.query(`DROP INDEX "IDX_f76ace6976a33c0bb0bad99e34"`);
        await queryRunner.query(`DROP TABLE "window_status_change"`);
        await queryRunner.query(`DROP INDEX "IDX_b0652fc35bd8c1a9ec6795be4d"`);
        await queryRunner.query(`DROP INDEX "IDX_2ac917223a519e1e594c91c3ff"`);
        await queryRunner.query(`DROP TABLE "window_matter"`);
        await queryRunner.query(`DROP INDEX "IDX_23879cae397ae85e26133a36ac"`);
        await queryRunner.query(`DROP INDEX "IDX_5138c20c5d4854a2ecb70e7ec6"`);
        await queryRunner.query(`DROP TABLE "service_window"`);
        await queryRunner.query(`DROP INDEX "IDX_a33a704a01fa163fb949964190"`);
        await queryRunner.query(`DROP TABLE "fee_item"`);
        await queryRunner.query(`DROP INDEX "IDX_a9bbcb9f45eb619ed551b6d3f1"`);
        await queryRunner.query(`DROP TABLE "material_requirement"`);
        await queryRunner.query(`DROP INDEX "IDX_131d207354fb7ed7caf8fefddc"`);
        await queryRunner.query(`DROP INDEX "IDX_2324afb573bf5b2f0a7feb704d"`);
        await queryRunner.query(`DROP INDEX "IDX_0fe03d1db306c2cf1acbe22d0a"`);
        await queryRunner.query(`DROP INDEX "IDX_d184f118aac13e9cbdb6e88d67"`);
        await queryRunner.query(`DROP TABLE "matter"`);
    }

}
