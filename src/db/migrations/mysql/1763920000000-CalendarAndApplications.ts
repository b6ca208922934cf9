import { MigrationInterface, QueryRunner } from "typeorm";

export class CalendarAndApplications1763920000000 implements MigrationInterface {
    name = 'CalendarAndApplications1763920000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`throttle\` (\`throttle_key\` varchar(128) NOT NULL, \`failures\` int NOT NULL DEFAULT '0', \`window_started_at\` datetime NOT NULL, \`locked_until\` datetime NULL, PRIMARY KEY (\`throttle_key\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`national_calendar_day\` (\`date\` varchar(10) NOT NULL, \`working\` tinyint NOT NULL, \`name\` varchar(32) NOT NULL, PRIMARY KEY (\`date\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`calendar_override\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`date\` varchar(10) NOT NULL, \`working\` tinyint NOT NULL, \`reason\` varchar(200) NOT NULL, \`created_by_id\` int NULL, UNIQUE INDEX \`IDX_c8ce3af90a5aa59ac6e2414d04\` (\`tenant_id\`, \`date\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`application\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`number\` varchar(24) NOT NULL, \`matter_id\` int NOT NULL, \`department_id\` int NOT NULL, \`receiving_window_id\` int NOT NULL, \`received_by_id\` int NOT NULL, \`applicant_kind\` varchar(16) NOT NULL, \`applicant_name\` varchar(100) NOT NULL, \`applicant_id_type\` varchar(32) NOT NULL, \`applicant_id_number\` varchar(32) NOT NULL, \`applicant_phone\` varchar(20) NOT NULL, \`applicant_address\` varchar(200) NOT NULL, \`credit_code\` varchar(18) NULL, \`status\` varchar(16) NOT NULL, \`status_before_suspension\` varchar(16) NULL, \`received_at\` datetime(3) NOT NULL, \`accepted_at\` datetime(3) NULL, \`due_at\` datetime(3) NULL, \`suspended_at\` datetime(3) NULL, \`extension_days\` int NOT NULL DEFAULT '0', \`decision\` varchar(8) NULL, \`decided_at\` datetime(3) NULL, \`decision_working_days\` int NULL, \`denial_reason\` varchar(1000) NULL, \`one_time_notice\` text NULL, \`reported_to\` varchar(200) NULL, \`report_reply\` varchar(1000) NULL, \`withdrawal_reason\` varchar(500) NULL, \`delivery_method\` varchar(8) NULL, \`carrier\` varchar(32) NULL, \`tracking_number\` varchar(40) NULL, \`delivered_at\` datetime(3) NULL, \`version\` int NOT NULL, INDEX \`IDX_3bd00e84515b2306b9fcb63750\` (\`tenant_id\`, \`receiving_window_id\`, \`received_at\`), INDEX \`IDX_86627e5b612935e34d38232623\` (\`tenant_id\`, \`department_id\`, \`received_at\`), INDEX \`IDX_8ab9113a98516f38ecd0c5aec7\` (\`tenant_id\`, \`matter_id\`, \`received_at\`), INDEX \`IDX_c1aad773a853e87570f127e1e8\` (\`tenant_id\`, \`received_at\`), INDEX \`IDX_8c0476754894936a74e2dcbd9f\` (\`tenant_id\`, \`status\`, \`due_at\`), UNIQUE INDEX \`IDX_733a6b7e59d52a5a29734d28f9\` (\`tenant_id\`, \`number\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`application_event\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`application_id\` int NOT NULL, \`action\` varchar(24) NOT NULL, \`from_status\` varchar(16) NULL, \`to_status\` varchar(16) NOT NULL, \`actor_id\` int NULL, \`at\` datetime(3) NOT NULL, \`note\` varchar(1000) NOT NULL DEFAULT '', INDEX \`IDX_75d9b3f56126bafbee9e4f9a33\` (\`tenant_id\`, \`application_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`joint_opinion\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`application_id\` int NOT NULL, \`department_id\` int NOT NULL, \`agrees\` tinyint NOT NULL, \`note\` varchar(1000) NOT NULL DEFAULT '', \`actor_id\` int NOT NULL, \`at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_e64a964e06cf35de03bf4ab140\` (\`tenant_id\`, \`application_id\`, \`department_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`application_counter\` (\`tenant_id\` int NOT NULL, \`day\` varchar(8) NOT NULL, \`last_sequence\` int NOT NULL, PRIMARY KEY (\`tenant_id\`, \`day\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE \`application_counter\``);
        await queryRunner.query(`DROP INDEX \`IDX_e64a964e06cf35de03bf4ab140\` ON \`joint_opinion\``);
        await queryRunner.query(`DROP TABLE \`joint_opinion\``);
        await queryRunner.query(`DROP INDEX \`IDX_75d9b3f56126bafbee9e4f9a33\` ON \`application_event\``);
        await queryRunner.query(`DROP TABLE \`application_event\``);
        await queryRunner.query(`DROP INDEX \`IDX_733a6b7e59d52a5a29734d28f9\` ON \`application\``);
        await queryRunner.query(`DROP INDEX \`IDX_8c0476754894936a74e2dcbd9f\` ON \`application\``);
        await queryRunner.query(`DROP INDEX \`IDX_c1aad773a853e87570f127e1e8\` ON \`application\``);
        await queryRunner.query(`DROP INDEX \`IDX_8ab9113a98516f38ecd0c5aec7\` ON \`application\``);
        await queryRunner.query(`DROP INDEX \`IDX_86627e5b612935e34d38232623\` ON \`application\``);
        await queryRunner.query(`DROP INDEX \`IDX_3bd00e84515b2306b9fcb63750\` ON \`application\``);
        await queryRunner.query(`DROP TABLE \`application\``);
        await queryRunner.query(`DROP INDEX \`IDX_c8ce3af90a5aa59ac6e2414d04\` ON \`calendar_override\``);
        await queryRunner.query(`DROP TABLE \`calendar_override\``);
        await queryRunner.query(`DROP TABLE \`national_calendar_day\``);
        await queryRunner.query(`DROP TABLE \`throttle\``);
    }

}
