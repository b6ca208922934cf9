import { MigrationInterface, QueryRunner } from "typeorm";

export class AuditLog1764030000000 implements MigrationInterface {
    name = 'AuditLog1764030000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "audit_entry" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "tenant_code" varchar(6), "seq" integer NOT NULL, "kind" varchar(16) NOT NULL, "operation" varchar(200) NOT NULL, "outcome" varchar(32) NOT NULL, "actor_user_id" integer, "actor_username" varchar(200), "actor_roles" varchar(200) NOT NULL, "targets" text NOT NULL, "details" text NOT NULL, "request_id" varchar(64) NOT NULL, "client_address" varchar(64) NOT NULL, "at" datetime NOT NULL, "previous_hash" varchar(64) NOT NULL, "hash" varchar(64) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_7c476ba2c262c49b5addc784c9" ON "audit_entry" ("tenant_id", "kind", "at") `);
        await queryRunner.query(`CREATE INDEX "IDX_cfa9314ea68b6e81ba9493133f" ON "audit_entry" ("tenant_id", "at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_51f23a183daac5df71f42b22f8" ON "audit_entry" ("tenant_id", "seq") `);
        await queryRunner.query(`CREATE TABLE "audit_chain_head" ("tenant_id" integer PRIMARY KEY NOT NULL, "seq" integer NOT NULL, "hash" varchar(64) NOT NULL)`);
        // Append-only (issue 13): the database itself refuses to change or remove an entry.
        for (const action of ['UPDATE', 'DELETE']) {
            await queryRunner.query(`CREATE TRIGGER "audit_entry_no_${action.toLowerCase()}" BEFORE ${action} ON "audit_entry" BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END`);
        }
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER IF EXISTS "audit_entry_no_delete"`);
        await queryRunner.query(`DROP TRIGGER IF EXISTS "audit_entry_no_update"`);
        await queryRunner.query(`DROP TABLE "audit_chain_head"`);
        await queryRunner.query(`DROP INDEX "IDX_51f23a183daac5df71f42b22f8"`);
        await queryRunner.query(`DROP INDEX "IDX_cfa9314ea68b6e81ba9493133f"`);
        await queryRunner.query(`DROP INDEX "IDX_7c476ba2c262c49b5addc784c9"`);
        await queryRunner.query(`DROP TABLE "audit_entry"`);
    }

}
