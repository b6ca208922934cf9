import { MigrationInterface, QueryRunner } from "typeorm";

export class StatisticsRollups1764040000000 implements MigrationInterface {
    name = 'StatisticsRollups1764040000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`application_stats_rollup\` (\`tenant_id\` int NOT NULL, \`period\` varchar(10) NOT NULL, \`department_id\` int NOT NULL, \`receiving_window_id\` int NOT NULL, \`matter_id\` int NOT NULL, \`received\` int NOT NULL DEFAULT '0', \`accepted\` int NOT NULL DEFAULT '0', \`supplement_requested\` int NOT NULL DEFAULT '0', \`not_accepted\` int NOT NULL DEFAULT '0', \`reported_up\` int NOT NULL DEFAULT '0', \`approved\` int NOT NULL DEFAULT '0', \`denied\` int NOT NULL DEFAULT '0', \`delivered\` int NOT NULL DEFAULT '0', \`decided\` int NOT NULL DEFAULT '0', \`decided_on_time\` int NOT NULL DEFAULT '0', \`working_days_total\` int NOT NULL DEFAULT '0', \`working_days_count\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`tenant_id\`, \`period\`, \`department_id\`, \`receiving_window_id\`, \`matter_id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE \`application_stats_rollup\``);
    }

}
