import { MigrationInterface, QueryRunner } from "typeorm";

export class Foundation1763900000000 implements MigrationInterface {
    name = 'Foundation1763900000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "tenant" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "code" varchar(6) NOT NULL, "name" varchar(64) NOT NULL, "level" varchar(16) NOT NULL, "parent_id" integer, "path" varchar(128) NOT NULL, "time_zone" varchar(40) NOT NULL DEFAULT ('Asia/Shanghai'), "created_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_b1bb8505abe259d04b317bd7999" UNIQUE ("code"))`);
        await queryRunner.query(`CREATE INDEX "IDX_5b5c77ec7956f1b9877e6077ce" ON "tenant" ("path") `);
        await queryRunner.query(`CREATE TABLE "department" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "name" varchar(64) NOT NULL, "kind" varchar(24) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_513667e4134ec5cf536261a024" ON "department" ("tenant_id", "kind") `);
        await queryRunner.query(`CREATE TABLE "user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "username" varchar(64) NOT NULL, "display_name" varchar(64) NOT NULL, "department_id" integer NOT NULL, "roles" text NOT NULL, "password_hash" varchar(100) NOT NULL, "phone" varchar(20), "id_number" varchar(18), "active" boolean NOT NULL DEFAULT (1), "token_version" integer NOT NULL DEFAULT (0), "version" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_78a916df40e02a9deb1c4b75edb" UNIQUE ("username"))`);
        await queryRunner.query(`CREATE INDEX "IDX_2963d6ed98afd5e9ed970049b0" ON "user" ("tenant_id", "department_id") `);
        await queryRunner.query(`CREATE TABLE "login_throttle" ("username" varchar(64) PRIMARY KEY NOT NULL, "failures" integer NOT NULL DEFAULT (0), "window_started_at" datetime NOT NULL, "locked_until" datetime)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "login_throttle"`);
        await queryRunner.query(`DROP INDEX "IDX_2963d6ed98afd5e9ed970049b0"`);
        await queryRunner.query(`DROP TABLE "user"`);
        await queryRunner.query(`DROP INDEX "IDX_513667e4134ec5cf536261a024"`);
        await queryRunner.query(`DROP TABLE "department"`);
        await queryRunner.query(`DROP INDEX "IDX_5b5c77ec7956f1b9877e6077ce"`);
        await queryRunner.query(`DROP TABLE "tenant"`);
    }

}
