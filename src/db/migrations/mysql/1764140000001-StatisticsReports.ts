import { MigrationInterface, QueryRunner } from "typeorm";

export class StatisticsReports1764140000001 implements MigrationInterface {
    name = 'StatisticsReports1764140000001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`statistics_report\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`start_date\` varchar(10) NOT NULL, \`end_date\` varchar(10) NOT NULL, \`status\` varchar(12) NOT NULL, \`compiling_department_id\` int NOT NULL, \`recipient_department_id\` int NOT NULL, \`cases_received\` int NOT NULL, \`agency_services\` int NOT NULL, \`note\` varchar(1000) NOT NULL DEFAULT '', \`compiled_by_id\` int NOT NULL, \`compiled_at\` datetime(3) NOT NULL, \`submitted_by_id\` int NULL, \`submitted_at\` datetime(3) NULL, \`version\` int NOT NULL, UNIQUE INDEX \`IDX_a7f17a72b06eac8e530c2933b1\` (\`tenant_id\`, \`start_date\`, \`end_date\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`statistics_report_window_line\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`report_id\` int NOT NULL, \`window_id\` int NOT NULL, \`received\` int NOT NULL, \`accepted\` int NOT NULL, \`decided\` int NOT NULL, \`decided_on_time\` int NOT NULL, INDEX \`IDX_88a4e9c8503548839e512e2594\` (\`tenant_id\`, \`report_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`statistics_report_agency_line\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`report_id\` int NOT NULL, \`kind\` varchar(24) NOT NULL, \`project_name\` varchar(200) NOT NULL, \`cases\` int NOT NULL, INDEX \`IDX_279b6334fb09d2f84224ca1eb6\` (\`tenant_id\`, \`report_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_279b6334fb09d2f84224ca1eb6\` ON \`statistics_report_agency_line\``);
        await queryRunner.query(`DROP TABLE \`statistics_report_agency_line\``);
        await queryRunner.query(`DROP INDEX \`IDX_88a4e9c8503548839e512e2594\` ON \`statistics_report_window_line\``);
        await queryRunner.query(`DROP TABLE \`statistics_report_window_line\``);
        await queryRunner.query(`DROP INDEX \`IDX_a7f17a72b06eac8e530c2933b1\` ON \`statistics_report\``);
        await queryRunner.query(`DROP TABLE \`statistics_report\``);
    }

}
