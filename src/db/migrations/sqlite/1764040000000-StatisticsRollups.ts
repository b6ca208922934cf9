import { MigrationInterface, QueryRunner } from "typeorm";

export class StatisticsRollups1764040000000 implements MigrationInterface {
    name = 'StatisticsRollups1764040000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "application_stats_rollup" ("tenant_id" integer NOT NULL, "period" varchar(10) NOT NULL, "department_id" integer NOT NULL, "receiving_window_id" integer NOT NULL, "matter_id" integer NOT NULL, "received" integer NOT NULL DEFAULT (0), "accepted" integer NOT NULL DEFAULT (0), "supplement_requested" integer NOT NULL DEFAULT (0), "not_accepted" integer NOT NULL DEFAULT (0), "reported_up" integer NOT NULL DEFAULT (0), "approved" integer NOT NULL DEFAULT (0), "denied" integer NOT NULL DEFAULT (0), "delivered" integer NOT NULL DEFAULT (0), "decided" integer NOT NULL DEFAULT (0), "decided_on_time" integer NOT NULL DEFAULT (0), "working_days_total" integer NOT NULL DEFAULT (0), "working_days_count" integer NOT NULL DEFAULT (0), PRIMARY KEY ("tenant_id", "period", "department_id", "receiving_window_id", "matter_id"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "application_stats_rollup"`);
    }

}
