import { MigrationInterface, QueryRunner } from "typeorm";

export class StatisticsReports1764140000001 implements MigrationInterface {
    name = 'StatisticsReports1764140000001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "statistics_report" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "start_date" varchar(10) NOT NULL, "end_date" varchar(10) NOT NULL, "status" varchar(12) NOT NULL, "compiling_department_id" integer NOT NULL, "recipient_department_id" integer NOT NULL, "window_figures" text NOT NULL, "agency_figures" text NOT NULL, "cases_received" integer NOT NULL, "agency_services" integer NOT NULL, "note" varchar(1000) NOT NULL DEFAULT (''), "compiled_by_id" integer NOT NULL, "compiled_at" datetime(3) NOT NULL, "submitted_by_id" integer, "submitted_at" datetime(3), "version" integer NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a7f17a72b06eac8e530c2933b1" ON "statistics_report" ("tenant_id", "start_date", "end_date") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_a7f17a72b06eac8e530c2933b1"`);
        await queryRunner.query(`DROP TABLE "statistics_report"`);
    }

}
