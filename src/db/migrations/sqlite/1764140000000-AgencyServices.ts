import { MigrationInterface, QueryRunner } from "typeorm";

export class AgencyServices1764140000000 implements MigrationInterface {
    name = 'AgencyServices1764140000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "agency_service" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "application_id" integer NOT NULL, "kind" varchar(24) NOT NULL, "project_name" varchar(200) NOT NULL, "helper_id" integer NOT NULL, "helped_at" datetime(3) NOT NULL, "note" varchar(500) NOT NULL DEFAULT (''), "recorded_by_id" integer NOT NULL, "recorded_at" datetime(3) NOT NULL, "version" integer NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_67f0ff3ec0714bfeda906d3162" ON "agency_service" ("tenant_id", "helped_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0daf3770047be90da0e74f8e62" ON "agency_service" ("tenant_id", "application_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_0daf3770047be90da0e74f8e62"`);
        await queryRunner.query(`DROP INDEX "IDX_67f0ff3ec0714bfeda906d3162"`);
        await queryRunner.query(`DROP TABLE "agency_service"`);
    }

}
