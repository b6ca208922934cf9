import { MigrationInterface, QueryRunner } from "typeorm";

export class Complaints1764080000000 implements MigrationInterface {
    name = 'Complaints1764080000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`complaint\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`number\` varchar(32) NOT NULL, \`query_code_hash\` varchar(64) NOT NULL, \`channel\` varchar(16) NOT NULL, \`category\` varchar(16) NOT NULL, \`handler\` varchar(12) NOT NULL, \`handling_department_id\` int NOT NULL, \`status\` varchar(16) NOT NULL, \`anonymous\` tinyint NOT NULL, \`complainant_name\` varchar(100) NULL, \`complainant_contact\` varchar(100) NULL, \`content\` varchar(2000) NOT NULL, \`window_id\` int NULL, \`staff_id\` int NULL, \`department_id\` int NULL, \`application_id\` int NULL, \`received_by_id\` int NULL, \`received_at\` datetime(3) NOT NULL, \`due_at\` datetime(3) NOT NULL, \`assignee_id\` int NULL, \`outcome\` varchar(12) NULL, \`findings\` varchar(2000) NULL, \`reply\` varchar(2000) NULL, \`resolved_at\` datetime(3) NULL, \`return_visit_satisfied\` tinyint NULL, \`return_visit_note\` varchar(1000) NULL, \`return_visit_at\` datetime(3) NULL, \`return_visit_by_id\` int NULL, \`reopened\` tinyint NOT NULL DEFAULT 0, \`closed_at\` datetime(3) NULL, \`version\` int NOT NULL, INDEX \`IDX_bae0e2b52caf7a8581eb627706\` (\`tenant_id\`, \`received_at\`), INDEX \`IDX_ec5092686a66578ac54959c613\` (\`tenant_id\`, \`status\`, \`due_at\`), UNIQUE INDEX \`IDX_05677d418d9afaa190194bab0a\` (\`tenant_id\`, \`number\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`complaint_event\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`complaint_id\` int NOT NULL, \`action\` varchar(24) NOT NULL, \`from_status\` varchar(16) NULL, \`to_status\` varchar(16) NOT NULL, \`actor_id\` int NULL, \`at\` datetime(3) NOT NULL, INDEX \`IDX_1b5259b51a5b211a51f9aaf6a8\` (\`tenant_id\`, \`complaint_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`complaint_counter\` (\`tenant_id\` int NOT NULL, \`day\` varchar(8) NOT NULL, \`last_sequence\` int NOT NULL, PRIMARY KEY (\`tenant_id\`, \`day\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`complaint_settings\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`reply_working_days\` int NOT NULL, \`version\` int NOT NULL, UNIQUE INDEX \`IDX_6037cdfeb038e282f993b5e956\` (\`tenant_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`sanction\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`person_id\` int NOT NULL, \`kind\` varchar(24) NOT NULL, \`basis_kind\` varchar(16) NOT NULL, \`complaint_id\` int NULL, \`application_id\` int NULL, \`basis_text\` varchar(200) NULL, \`violation\` tinyint NOT NULL DEFAULT 0, \`severe\` tinyint NOT NULL DEFAULT 0, \`decided_by_id\` int NOT NULL, \`decided_on\` varchar(10) NOT NULL, \`note\` varchar(1000) NOT NULL DEFAULT '', \`revokes_id\` int NULL, \`recorded_at\` datetime(3) NOT NULL, UNIQUE INDEX \`IDX_d5527ca5d10faab53b0f812beb\` (\`tenant_id\`, \`revokes_id\`), INDEX \`IDX_2db4876ba40ba0a97315ff2395\` (\`tenant_id\`, \`complaint_id\`), INDEX \`IDX_2706a1fba4d7bff6d0d7ba2ffa\` (\`tenant_id\`, \`person_id\`, \`decided_on\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_2706a1fba4d7bff6d0d7ba2ffa\` ON \`sanction\``);
        await queryRunner.query(`DROP INDEX \`IDX_2db4876ba40ba0a97315ff2395\` ON \`sanction\``);
        await queryRunner.query(`DROP INDEX \`IDX_d5527ca5d10faab53b0f812beb\` ON \`sanction\``);
        await queryRunner.query(`DROP TABLE \`sanction\``);
        await queryRunner.query(`DROP INDEX \`IDX_6037cdfeb038e282f993b5e956\` ON \`complaint_settings\``);
        await queryRunner.query(`DROP TABLE \`complaint_settings\``);
        await queryRunner.query(`DROP TABLE \`complaint_counter\``);
        await queryRunner.query(`DROP INDEX \`IDX_1b5259b51a5b211a51f9aaf6a8\` ON \`complaint_event\``);
        await queryRunner.query(`DROP TABLE \`complaint_event\``);
        await queryRunner.query(`DROP INDEX \`IDX_05677d418d9afaa190194bab0a\` ON \`complaint\``);
        await queryRunner.query(`DROP INDEX \`IDX_ec5092686a66578ac54959c613\` ON \`complaint\``);
        await queryRunner.query(`DROP INDEX \`IDX_bae0e2b52caf7a8581eb627706\` ON \`complaint\``);
        await queryRunner.query(`DROP TABLE \`complaint\``);
    }

}
