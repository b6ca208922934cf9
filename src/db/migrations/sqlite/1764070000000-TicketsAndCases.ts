import { MigrationInterface, QueryRunner } from "typeorm";

export class TicketsAndCases1764070000000 implements MigrationInterface {
    name = 'TicketsAndCases1764070000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "cross_region_matter" ("province_code" varchar(6) NOT NULL, "code" varchar(16) NOT NULL, "name" varchar(128) NOT NULL, "added_at" datetime NOT NULL DEFAULT (datetime('now')), PRIMARY KEY ("province_code", "code"))`);
        await queryRunner.query(`DROP INDEX "IDX_0f7636f9468663821daebc203e"`);
        await queryRunner.query(`DROP INDEX "IDX_cb46bfeb5fae1e8b76a6669d34"`);
        await queryRunner.query(`DROP INDEX "IDX_108d6e79ce5ce81966989c0f1b"`);
        await queryRunner.query(`CREATE TABLE "temporary_collaboration_ticket" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "partner_tenant_id" integer NOT NULL, "application_id" integer NOT NULL, "handling_application_id" integer, "matter_code" varchar(16) NOT NULL, "handling_matter_id" integer NOT NULL, "kind" varchar(16) NOT NULL, "status" varchar(12) NOT NULL, "round" integer NOT NULL DEFAULT (1), "paper_materials" boolean NOT NULL, "result_delivery" varchar(16) NOT NULL, "created_by_id" integer NOT NULL, "version" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "shared_with_partner" boolean NOT NULL DEFAULT (0), "cancel_reason" varchar(500))`);
        await queryRunner.query(`INSERT INTO "temporary_collaboration_ticket"("id", "tenant_id", "partner_tenant_id", "application_id", "handling_application_id", "matter_code", "handling_matter_id", "kind", "status", "round", "paper_materials", "result_delivery", "created_by_id", "version", "created_at", "shared_with_partner") SELECT "id", "tenant_id", "partner_tenant_id", "application_id", "handling_application_id", "matter_code", "handling_matter_id", "kind", "status", "round", "paper_materials", "result_delivery", "created_by_id", "version", "created_at", "shared_with_partner" FROM "collaboration_ticket"`);
        await queryRunner.query(`DROP TABLE "collaboration_ticket"`);
        await queryRunner.query(`ALTER TABLE "temporary_collaboration_ticket" RENAME TO "collaboration_ticket"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0f7636f9468663821daebc203e" ON "collaboration_ticket" ("tenant_id", "application_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_cb46bfeb5fae1e8b76a6669d34" ON "collaboration_ticket" ("partner_tenant_id", "status") `);
        await queryRunner.query(`CREATE INDEX "IDX_108d6e79ce5ce81966989c0f1b" ON "collaboration_ticket" ("tenant_id", "status") `);
        await queryRunner.query(`DROP INDEX "IDX_fabb40455c5decfa9b47153085"`);
        await queryRunner.query(`DROP INDEX "IDX_c06ef03425f28daa13f5899bde"`);
        await queryRunner.query(`DROP INDEX "IDX_4d13d497ada69e23209c5b0e2d"`);
        await queryRunner.query(`DROP INDEX "IDX_cdcc2e2b4716c6324921f908d0"`);
        await queryRunner.query(`CREATE TABLE "temporary_ticket_step" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "partner_tenant_id" integer NOT NULL, "ticket_id" integer NOT NULL, "round" integer NOT NULL, "kind" varchar(24) NOT NULL, "owner" varchar(12) NOT NULL, "due_at" datetime(3), "done_at" datetime(3), "actor_id" integer, "note" varchar(1000) NOT NULL DEFAULT (''), "missing_materials" text, "carrier" varchar(32), "tracking_number" varchar(40), "shared_with_partner" boolean NOT NULL DEFAULT (0), "cancelled_at" datetime(3), "department_id" integer)`);
        await queryRunner.query(`INSERT INTO "temporary_ticket_step"("id", "tenant_id", "partner_tenant_id", "ticket_id", "round", "kind", "owner", "due_at", "done_at", "actor_id", "note", "missing_materials", "carrier", "tracking_number", "shared_with_partner") SELECT "id", "tenant_id", "partner_tenant_id", "ticket_id", "round", "kind", "owner", "due_at", "done_at", "actor_id", "note", "missing_materials", "carrier", "tracking_number", "shared_with_partner" FROM "ticket_step"`);
        await queryRunner.query(`DROP TABLE "ticket_step"`);
        await queryRunner.query(`ALTER TABLE "temporary_ticket_step" RENAME TO "ticket_step"`);
        await queryRunner.query(`CREATE INDEX "IDX_fabb40455c5decfa9b47153085" ON "ticket_step" ("partner_tenant_id", "done_at", "due_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_c06ef03425f28daa13f5899bde" ON "ticket_step" ("tenant_id", "done_at", "due_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_4d13d497ada69e23209c5b0e2d" ON "ticket_step" ("partner_tenant_id", "ticket_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_cdcc2e2b4716c6324921f908d0" ON "ticket_step" ("tenant_id", "ticket_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_cdcc2e2b4716c6324921f908d0"`);
        await queryRunner.query(`DROP INDEX "IDX_4d13d497ada69e23209c5b0e2d"`);
        await queryRunner.query(`DROP INDEX "IDX_c06ef03425f28daa13f5899bde"`);
        await queryRunner.query(`DROP INDEX "IDX_fabb40455c5decfa9b47153085"`);
        await queryRunner.query(`ALTER TABLE "ticket_step" RENAME TO "temporary_ticket_step"`);
        await queryRunner.query(`CREATE TABLE "ticket_step" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "partner_tenant_id" integer NOT NULL, "ticket_id" integer NOT NULL, "round" integer NOT NULL, "kind" varchar(24) NOT NULL, "owner" varchar(12) NOT NULL, "due_at" datetime(3), "done_at" datetime(3), "actor_id" integer, "note" varchar(1000) NOT NULL DEFAULT (''), "missing_materials" text, "carrier" varchar(32), "tracking_number" varchar(40), "shared_with_partner" boolean NOT NULL DEFAULT (0))`);
        await queryRunner.query(`INSERT INTO "ticket_step"("id", "tenant_id", "partner_tenant_id", "ticket_id", "round", "kind", "owner", "due_at", "done_at", "actor_id", "note", "missing_materials", "carrier", "tracking_number", "shared_with_partner") SELECT "id", "tenant_id", "partner_tenant_id", "ticket_id", "round", "kind", "owner", "due_at", "done_at", "actor_id", "note", "missing_materials", "carrier", "tracking_number", "shared_with_partner" FROM "temporary_ticket_step"`);
        await queryRunner.query(`DROP TABLE "temporary_ticket_step"`);
        await queryRunner.query(`CREATE INDEX "IDX_cdcc2e2b4716c6324921f908d0" ON "ticket_step" ("tenant_id", "ticket_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_4d13d497ada69e23209c5b0e2d" ON "ticket_step" ("partner_tenant_id", "ticket_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_c06ef03425f28daa13f5899bde" ON "ticket_step" ("tenant_id", "done_at", "due_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_fabb40455c5decfa9b47153085" ON "ticket_step" ("partner_tenant_id", "done_at", "due_at") `);
        await queryRunner.query(`DROP INDEX "IDX_108d6e79ce5ce81966989c0f1b"`);
        await queryRunner.query(`DROP INDEX "IDX_cb46bfeb5fae1e8b76a6669d34"`);
        await queryRunner.query(`DROP INDEX "IDX_0f7636f9468663821daebc203e"`);
        await queryRunner.query(`ALTER TABLE "collaboration_ticket" RENAME TO "temporary_collaboration_ticket"`);
        await queryRunner.query(`CREATE TABLE "collaboration_ticket" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "partner_tenant_id" integer NOT NULL, "application_id" integer NOT NULL, "handling_application_id" integer, "matter_code" varchar(16) NOT NULL, "handling_matter_id" integer NOT NULL, "kind" varchar(16) NOT NULL, "status" varchar(12) NOT NULL, "round" integer NOT NULL DEFAULT (1), "paper_materials" boolean NOT NULL, "result_delivery" varchar(16) NOT NULL, "created_by_id" integer NOT NULL, "version" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "shared_with_partner" boolean NOT NULL DEFAULT (0))`);
        await queryRunner.query(`INSERT INTO "collaboration_ticket"("id", "tenant_id", "partner_tenant_id", "application_id", "handling_application_id", "matter_code", "handling_matter_id", "kind", "status", "round", "paper_materials", "result_delivery", "created_by_id", "version", "created_at", "shared_with_partner") SELECT "id", "tenant_id", "partner_tenant_id", "application_id", "handling_application_id", "matter_code", "handling_matter_id", "kind", "status", "round", "paper_materials", "result_delivery", "created_by_id", "version", "created_at", "shared_with_partner" FROM "temporary_collaboration_ticket"`);
        await queryRunner.query(`DROP TABLE "temporary_collaboration_ticket"`);
        await queryRunner.query(`CREATE INDEX "IDX_108d6e79ce5ce81966989c0f1b" ON "collaboration_ticket" ("tenant_id", "status") `);
        await queryRunner.query(`CREATE INDEX "IDX_cb46bfeb5fae1e8b76a6669d34" ON "collaboration_ticket" ("partner_tenant_id", "status") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0f7636f9468663821daebc203e" ON "collaboration_ticket" ("tenant_id", "application_id") `);
        await queryRunner.query(`DROP TABLE "cross_region_matter"`);
    }

}
