import { MigrationInterface, QueryRunner } from "typeorm";

export class SupervisionNoticesAndSampling1764110000000 implements MigrationInterface {
    name = 'SupervisionNoticesAndSampling1764110000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`supervision_notice\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`cause_kind\` varchar(24) NOT NULL, \`cause_id\` int NULL, \`cause_round\` int NOT NULL DEFAULT '1', \`status\` varchar(16) NOT NULL, \`department_id\` int NULL, \`person_id\` int NULL, \`reason\` varchar(2000) NOT NULL, \`issued_by_id\` int NULL, \`issued_at\` datetime(3) NOT NULL, \`reply_due_at\` datetime(3) NOT NULL, \`reply_cause\` varchar(2000) NULL, \`reply_correction\` varchar(2000) NULL, \`replied_by_id\` int NULL, \`replied_at\` datetime(3) NULL, \`send_backs\` int NOT NULL DEFAULT '0', \`send_back_reason\` varchar(1000) NULL, \`escalated_at\` datetime(3) NULL, \`accepted_at\` datetime(3) NULL, \`check_run\` varchar(36) NULL, \`escalation_run\` varchar(36) NULL, \`version\` int NOT NULL, INDEX \`IDX_08f301c7190f3a9d4b833f18a2\` (\`tenant_id\`, \`escalation_run\`), INDEX \`IDX_d6a3eace03dd722b4201b1d44b\` (\`tenant_id\`, \`check_run\`), INDEX \`IDX_c520ac00a1af17da95e398e729\` (\`tenant_id\`, \`issued_at\`), INDEX \`IDX_0352ffdfff9adc51c1e301bfed\` (\`tenant_id\`, \`department_id\`, \`status\`), INDEX \`IDX_186ba8b6c57a8224b07de0a9a2\` (\`tenant_id\`, \`status\`, \`reply_due_at\`), UNIQUE INDEX \`IDX_851dad886a0ef64e19613c47dc\` (\`tenant_id\`, \`cause_kind\`, \`cause_id\`, \`cause_round\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`supervision_notice_event\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`notice_id\` int NOT NULL, \`action\` varchar(16) NOT NULL, \`to_status\` varchar(16) NOT NULL, \`actor_id\` int NULL, \`note\` varchar(1000) NOT NULL DEFAULT '', \`at\` datetime(3) NOT NULL, INDEX \`IDX_3b7cb3258126e3d1b423fef9d4\` (\`tenant_id\`, \`notice_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`supervision_settings\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`reply_working_days\` int NOT NULL, \`version\` int NOT NULL, UNIQUE INDEX \`IDX_5c27886135fe07f680ffeca3b0\` (\`tenant_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`case_light_mark\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`application_id\` int NOT NULL, \`light\` varchar(8) NOT NULL, \`check_run\` varchar(36) NOT NULL, \`marked_at\` datetime(3) NOT NULL, INDEX \`IDX_9ee6ead6193cde0eae4e68d26e\` (\`tenant_id\`, \`check_run\`), UNIQUE INDEX \`IDX_6458e393df84ac6d78abc12559\` (\`tenant_id\`, \`application_id\`, \`light\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`case_sample\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`from_date\` varchar(10) NOT NULL, \`to_date\` varchar(10) NOT NULL, \`department_id\` int NULL, \`size\` int NOT NULL, \`population\` int NOT NULL, \`seed\` varchar(32) NOT NULL, \`drawn_by_id\` int NOT NULL, \`drawn_at\` datetime(3) NOT NULL, INDEX \`IDX_217beb1b2459fb9ecb9c526a79\` (\`tenant_id\`, \`drawn_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`sampled_case\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`sample_id\` int NOT NULL, \`position\` int NOT NULL, \`application_id\` int NOT NULL, \`verdict\` varchar(16) NOT NULL, \`problems\` text NOT NULL, \`note\` varchar(2000) NOT NULL DEFAULT '', \`inspected_by_id\` int NULL, \`inspected_at\` datetime(3) NULL, \`version\` int NOT NULL, UNIQUE INDEX \`IDX_707b4fefc03e2ca4db022032ba\` (\`tenant_id\`, \`sample_id\`, \`application_id\`), UNIQUE INDEX \`IDX_35afd4dc245a907d57c7b81b34\` (\`tenant_id\`, \`sample_id\`, \`position\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`sanction\` ADD \`sampled_case_id\` int NULL`);
        await queryRunner.query(`CREATE INDEX \`IDX_bc0061925707ff56ba95833128\` ON \`sanction\` (\`tenant_id\`, \`sampled_case_id\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_bc0061925707ff56ba95833128\` ON \`sanction\``);
        await queryRunner.query(`ALTER TABLE \`sanction\` DROP COLUMN \`sampled_case_id\``);
        await queryRunner.query(`DROP INDEX \`IDX_35afd4dc245a907d57c7b81b34\` ON \`sampled_case\``);
        await queryRunner.query(`DROP INDEX \`IDX_707b4fefc03e2ca4db022032ba\` ON \`sampled_case\``);
        await queryRunner.query(`DROP TABLE \`sampled_case\``);
        await queryRunner.query(`DROP INDEX \`IDX_217beb1b2459fb9ecb9c526a79\` ON \`case_sample\``);
        await queryRunner.query(`DROP TABLE \`case_sample\``);
        await queryRunner.query(`DROP INDEX \`IDX_6458e393df84ac6d78abc12559\` ON \`case_light_mark\``);
        await queryRunner.query(`DROP INDEX \`IDX_9ee6ead6193cde0eae4e68d26e\` ON \`case_light_mark\``);
        await queryRunner.query(`DROP TABLE \`case_light_mark\``);
        await queryRunner.query(`DROP INDEX \`IDX_5c27886135fe07f680ffeca3b0\` ON \`supervision_settings\``);
        await queryRunner.query(`DROP TABLE \`supervision_settings\``);
        await queryRunner.query(`DROP INDEX \`IDX_3b7cb3258126e3d1b423fef9d4\` ON \`supervision_notice_event\``);
        await queryRunner.query(`DROP TABLE \`supervision_notice_event\``);
        await queryRunner.query(`DROP INDEX \`IDX_851dad886a0ef64e19613c47dc\` ON \`supervision_notice\``);
        await queryRunner.query(`DROP INDEX \`IDX_186ba8b6c57a8224b07de0a9a2\` ON \`supervision_notice\``);
        await queryRunner.query(`DROP INDEX \`IDX_0352ffdfff9adc51c1e301bfed\` ON \`supervision_notice\``);
        await queryRunner.query(`DROP INDEX \`IDX_c520ac00a1af17da95e398e729\` ON \`supervision_notice\``);
        await queryRunner.query(`DROP INDEX \`IDX_d6a3eace03dd722b4201b1d44b\` ON \`supervision_notice\``);
        await queryRunner.query(`DROP INDEX \`IDX_08f301c7190f3a9d4b833f18a2\` ON \`supervision_notice\``);
        await queryRunner.query(`DROP TABLE \`supervision_notice\``);
    }

}
