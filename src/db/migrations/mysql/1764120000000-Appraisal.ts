import { MigrationInterface, QueryRunner } from "typeorm";

export class Appraisal1764120000000 implements MigrationInterface {
    name = 'Appraisal1764120000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`appraisal_rule_set\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`version\` int NOT NULL, \`base_score_centi\` int NOT NULL, \`excellent_from_centi\` int NOT NULL, \`competent_from_centi\` int NOT NULL, \`basically_competent_from_centi\` int NOT NULL, \`excellence_quota_percent\` int NOT NULL, \`excellence_quota_seats\` int NULL, \`note\` varchar(500) NOT NULL DEFAULT '', \`created_by_id\` int NOT NULL, \`created_at\` datetime(3) NOT NULL, UNIQUE INDEX \`IDX_2bf4ba2d105eba8a72cf09753a\` (\`tenant_id\`, \`version\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`appraisal_rule_item\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`rule_set_id\` int NOT NULL, \`position\` int NOT NULL, \`subject_kind\` varchar(8) NOT NULL, \`source\` varchar(24) NOT NULL, \`sanction_kind\` varchar(24) NULL, \`mode\` varchar(12) NOT NULL, \`points_centi\` int NOT NULL, \`cap_centi\` int NULL, \`label\` varchar(100) NOT NULL, UNIQUE INDEX \`IDX_c94815bfb6d3d0e9bd1cea499c\` (\`tenant_id\`, \`rule_set_id\`, \`position\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`appraisal_period\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`kind\` varchar(8) NOT NULL, \`start\` varchar(10) NOT NULL, \`end\` varchar(10) NOT NULL, \`rule_set_id\` int NOT NULL, \`status\` varchar(12) NOT NULL, \`opened_by_id\` int NOT NULL, \`opened_at\` datetime(3) NOT NULL, \`computed_at\` datetime(3) NOT NULL, \`published_by_id\` int NULL, \`published_at\` datetime(3) NULL, \`version\` int NOT NULL, UNIQUE INDEX \`IDX_ad169f4a6da0c0771cb58510b5\` (\`tenant_id\`, \`kind\`, \`start\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`appraisal_result\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`period_id\` int NOT NULL, \`subject_kind\` varchar(8) NOT NULL, \`subject_id\` int NOT NULL, \`department_id\` int NULL, \`score_centi\` int NOT NULL, \`deducted_centi\` int NOT NULL, \`proposed_grade\` varchar(20) NOT NULL, \`grade\` varchar(20) NULL, \`rank\` int NOT NULL, \`excellence_barred\` tinyint NOT NULL DEFAULT 0, \`chief_representative_annual\` tinyint NOT NULL DEFAULT 0, \`version\` int NOT NULL, INDEX \`IDX_933209c798537fe77b7909fb34\` (\`tenant_id\`, \`subject_kind\`, \`subject_id\`), UNIQUE INDEX \`IDX_4a3f9711bf5e30098ab97e163e\` (\`tenant_id\`, \`period_id\`, \`subject_kind\`, \`subject_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`appraisal_line\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`period_id\` int NOT NULL, \`result_id\` int NOT NULL, \`position\` int NOT NULL, \`kind\` varchar(12) NOT NULL, \`source\` varchar(24) NOT NULL, \`item_id\` int NULL, \`label\` varchar(100) NOT NULL, \`count\` int NOT NULL, \`met_count\` int NULL, \`points_centi\` int NOT NULL, \`reason\` varchar(500) NULL, \`created_by_id\` int NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`IDX_83ff5d1d7b98884c87bf00078b\` (\`tenant_id\`, \`period_id\`, \`kind\`), INDEX \`IDX_023a22629e35c3ff0091dbf421\` (\`tenant_id\`, \`result_id\`, \`position\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`appraisal_line_event\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`period_id\` int NOT NULL, \`line_id\` int NOT NULL, \`event_kind\` varchar(20) NOT NULL, \`event_id\` int NOT NULL, INDEX \`IDX_ef136488520cff4b01da6492a2\` (\`tenant_id\`, \`period_id\`), INDEX \`IDX_5e8bd3e0226f0a69acfc310a00\` (\`tenant_id\`, \`line_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`appraisal_commendation\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`person_id\` int NOT NULL, \`kind\` varchar(24) NOT NULL, \`evaluation_id\` int NULL, \`received_on\` varchar(10) NOT NULL, \`note\` varchar(500) NOT NULL, \`recorded_by_id\` int NOT NULL, \`recorded_at\` datetime(3) NOT NULL, INDEX \`IDX_d41242d71c2dde93ed1e0fd973\` (\`tenant_id\`, \`person_id\`, \`received_on\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`department\` ADD \`head_id\` int NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`department\` DROP COLUMN \`head_id\``);
        await queryRunner.query(`DROP INDEX \`IDX_d41242d71c2dde93ed1e0fd973\` ON \`appraisal_commendation\``);
        await queryRunner.query(`DROP TABLE \`appraisal_commendation\``);
        await queryRunner.query(`DROP INDEX \`IDX_5e8bd3e0226f0a69acfc310a00\` ON \`appraisal_line_event\``);
        await queryRunner.query(`DROP INDEX \`IDX_ef136488520cff4b01da6492a2\` ON \`appraisal_line_event\``);
        await queryRunner.query(`DROP TABLE \`appraisal_line_event\``);
        await queryRunner.query(`DROP INDEX \`IDX_023a22629e35c3ff0091dbf421\` ON \`appraisal_line\``);
        await queryRunner.query(`DROP INDEX \`IDX_83ff5d1d7b98884c87bf00078b\` ON \`appraisal_line\``);
        await queryRunner.query(`DROP TABLE \`appraisal_line\``);
        await queryRunner.query(`DROP INDEX \`IDX_4a3f9711bf5e30098ab97e163e\` ON \`appraisal_result\``);
        await queryRunner.query(`DROP INDEX \`IDX_933209c798537fe77b7909fb34\` ON \`appraisal_result\``);
        await queryRunner.query(`DROP TABLE \`appraisal_result\``);
        await queryRunner.query(`DROP INDEX \`IDX_ad169f4a6da0c0771cb58510b5\` ON \`appraisal_period\``);
        await queryRunner.query(`DROP TABLE \`appraisal_period\``);
        await queryRunner.query(`DROP INDEX \`IDX_c94815bfb6d3d0e9bd1cea499c\` ON \`appraisal_rule_item\``);
        await queryRunner.query(`DROP TABLE \`appraisal_rule_item\``);
        await queryRunner.query(`DROP INDEX \`IDX_2bf4ba2d105eba8a72cf09753a\` ON \`appraisal_rule_set\``);
        await queryRunner.query(`DROP TABLE \`appraisal_rule_set\``);
    }

}
