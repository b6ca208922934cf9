import { MigrationInterface, QueryRunner } from "typeorm";

export class StatisticsReports1764140000001 implements MigrationInterface {
    name = 'StatisticsReports1764140000001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "statistics_report" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "start_date" varchar(10) NOT NULL, "end_date" varchar(10) NOT NULL, "status" varchar(12) NOT NULL, "compiling_department_id" integer NOT NULL, "recipient_department_id" integer NOT NULL, "cases_received" integer NOT NULL, "agency_services" integer NOT NULL, "note" varchar(1000) NOT NULL DEFAULT (''), "compiled_by_id" integer NOT NULL, "compiled_at" datetime(3) NOT NULL, "submitted_by_id" integer, "submitted_at" datetime(3), "version" integer NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a7f17a72b06eac8e530c2933b1" ON "statistics_report" ("tenant_id", "start_date", "end_date") `);
        await queryRunner.query(`CREATE TABLE "statistics_report_window_line" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "report_id" integer NOT NULL, "window_id" integer NOT NULL, "received" integer NOT NULL, "accepted" integer NOT NULL, "decided" integer NOT NULL, "decided_on_time" integer NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_88a4e9c8503548839e512e2594" ON "statistics_report_window_line" ("tenant_id", "report_id") `);
        await queryRunner.query(`CREATE TABLE "statistics_report_agency_line" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "report_id" integer NOT NULL, "kind" varchar(24) NOT NULL, "project_name" varchar(200) NOT NULL, "cases" integer NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_279b6334fb09d2f84224ca1eb6" ON "statistics_report_agency_line" ("tenant_id", "report_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_279b6334fb09d2f84224ca1eb6"`);
        await queryRunner.query(`DROP TABLE "statistics_report_agency_line"`);
        await queryRunner.query(`DROP INDEX "IDX_88a4e9c8503548839e512e2594"`);
        await queryRunner.query(`DROP TABLE "statistics_report_window_line"`);
        await queryRunner.query(`DROP INDEX "IDX_a7f17a72b06eac8e530c2933b1"`);
        await queryRunner.query(`DROP TABLE "statistics_report"`);
    }

}
