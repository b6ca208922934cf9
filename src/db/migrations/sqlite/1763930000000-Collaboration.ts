import { MigrationInterface, QueryRunner } from "typeorm";

export class Collaboration1763930000000 implements MigrationInterface {
    name = 'Collaboration1763930000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "collaboration_ticket" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "partner_tenant_id" integer NOT NULL, "application_id" integer NOT NULL, "handling_application_id" integer, "matter_code" varchar(16) NOT NULL, "handling_matter_id" integer NOT NULL, "kind" varchar(16) NOT NULL, "status" varchar(12) NOT NULL, "round" integer NOT NULL DEFAULT (1), "paper_materials" boolean NOT NULL, "result_delivery" varchar(16) NOT NULL, "created_by_id" integer NOT NULL, "version" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0f7636f9468663821daebc203e" ON "collaboration_ticket" ("tenant_id", "application_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_cb46bfeb5fae1e8b76a6669d34" ON "collaboration_ticket" ("partner_tenant_id", "status") `);
        await queryRunner.query(`CREATE INDEX "IDX_108d6e79ce5ce81966989c0f1b" ON "collaboration_ticket" ("tenant_id", "status") `);
        await queryRunner.query(`CREATE TABLE "ticket_step" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "partner_tenant_id" integer NOT NULL, "ticket_id" integer NOT NULL, "round" integer NOT NULL, "kind" varchar(24) NOT NULL, "owner" varchar(12) NOT NULL, "due_at" datetime(3), "done_at" datetime(3), "actor_id" integer, "note" varchar(1000) NOT NULL DEFAULT (''), "missing_materials" text, "carrier" varchar(32), "tracking_number" varchar(40))`);
        await queryRunner.query(`CREATE INDEX "IDX_fabb40455c5decfa9b47153085" ON "ticket_step" ("partner_tenant_id", "done_at", "due_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_c06ef03425f28daa13f5899bde" ON "ticket_step" ("tenant_id", "done_at", "due_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_4d13d497ada69e23209c5b0e2d" ON "ticket_step" ("partner_tenant_id", "ticket_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_cdcc2e2b4716c6324921f908d0" ON "ticket_step" ("tenant_id", "ticket_id") `);
        await queryRunner.query(`CREATE TABLE "cross_province_matter" ("code" varchar(16) PRIMARY KEY NOT NULL, "name" varchar(128) NOT NULL, "added_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE TABLE "contact_ledger_entry" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "matter_id" integer NOT NULL, "responsible_id" integer NOT NULL, "deputy_id" integer, "version" integer NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_734b002148543b8a751e6d16f7" ON "contact_ledger_entry" ("tenant_id", "matter_id") `);
        await queryRunner.query(`CREATE TABLE "problem_ledger_entry" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "ticket_id" integer, "matter_id" integer, "category" varchar(16) NOT NULL, "description" varchar(1000) NOT NULL, "status" varchar(12) NOT NULL, "raised_by_id" integer NOT NULL, "assignee_id" integer, "rectification" varchar(1000), "closed_at" datetime(3), "version" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_dd417d8064b1cecd8ff5e9f360" ON "problem_ledger_entry" ("tenant_id", "created_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_823c5ec70fa834b49b313d364b" ON "problem_ledger_entry" ("tenant_id", "status") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_823c5ec70fa834b49b313d364b"`);
        await queryRunner.query(`DROP INDEX "IDX_dd417d8064b1cecd8ff5e9f360"`);
        await queryRunner.query(`DROP TABLE "problem_ledger_entry"`);
        await queryRunner.query(`DROP INDEX "IDX_734b002148543b8a751e6d16f7"`);
        await queryRunner.query(`DROP TABLE "contact_ledger_entry"`);
        await queryRunner.query(`DROP TABLE "cross_province_matter"`);
        await queryRunner.query(`DROP INDEX "IDX_cdcc2e2b4716c6324921f908d0"`);
        await queryRunner.query(`DROP INDEX "IDX_4d13d497ada69e23209c5b0e2d"`);
        await queryRunner.query(`DROP INDEX "IDX_c06ef03425f28daa13f5899bde"`);
        await queryRunner.query(`DROP INDEX "IDX_fabb40455c5decfa9b47153085"`);
        await queryRunner.query(`DROP TABLE "ticket_step"`);
        await queryRunner.query(`DROP INDEX "IDX_108d6e79ce5ce81966989c0f1b"`);
        await queryRunner.query(`DROP INDEX "IDX_cb46bfeb5fae1e8b76a6669d34"`);
        await queryRunner.query(`DROP INDEX "IDX_0f7636f9468663821daebc203e"`);
        await queryRunner.query(`DROP TABLE "collaboration_ticket"`);
    }

}
