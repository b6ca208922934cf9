import { MigrationInterface, QueryRunner } from "typeorm";

export class CaseRules1764010000000 implements MigrationInterface {
    name = 'CaseRules1764010000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`national_calendar_year\` (\`year\` int NOT NULL, \`loaded_at\` datetime NOT NULL, PRIMARY KEY (\`year\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`matter\` ADD \`accepted_by\` varchar(8) NOT NULL DEFAULT 'WINDOW'`);
        await queryRunner.query(`ALTER TABLE \`matter\` ADD \`supplement_days\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`service_window\` ADD \`comprehensive_intake\` tinyint NOT NULL DEFAULT 0`);
        await queryRunner.query(`ALTER TABLE \`application\` ADD \`due_at_provisional\` tinyint NOT NULL DEFAULT 0`);
        await queryRunner.query(`ALTER TABLE \`application\` ADD \`suspended_days\` int NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE \`application\` ADD \`supplement_due_at\` datetime(3) NULL`);
        await queryRunner.query(`ALTER TABLE \`application\` ADD \`not_accepted_reason\` varchar(24) NULL`);
        await queryRunner.query(`ALTER TABLE \`application\` ADD \`reported_at\` datetime(3) NULL`);
        await queryRunner.query(`ALTER TABLE \`application\` ADD \`report_replied_at\` datetime(3) NULL`);
        await queryRunner.query(`ALTER TABLE \`application\` MODIFY \`status\` varchar(24) NOT NULL`);
        await queryRunner.query(`ALTER TABLE \`application\` MODIFY \`status_before_suspension\` varchar(24) NULL`);
        await queryRunner.query(`ALTER TABLE \`application_event\` MODIFY \`from_status\` varchar(24) NULL`);
        await queryRunner.query(`ALTER TABLE \`application_event\` MODIFY \`to_status\` varchar(24) NOT NULL`);
        // Widened in place (MODIFY, not drop and add): the cases keep their states.
        // Years whose national days are already loaded are known years.
        await queryRunner.query(`INSERT INTO \`national_calendar_year\` (\`year\`, \`loaded_at\`) SELECT DISTINCT CAST(SUBSTRING(\`date\`, 1, 4) AS UNSIGNED), NOW() FROM \`national_calendar_day\``);
        // Existing 综合受理 windows keep taking every matter.
        await queryRunner.query(`UPDATE \`service_window\` SET \`comprehensive_intake\` = 1 WHERE \`kind\` = 'COMPREHENSIVE'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`application_event\` MODIFY \`to_status\` varchar(16) NOT NULL`);
        await queryRunner.query(`ALTER TABLE \`application_event\` MODIFY \`from_status\` varchar(16) NULL`);
        await queryRunner.query(`ALTER TABLE \`application\` MODIFY \`status_before_suspension\` varchar(16) NULL`);
        await queryRunner.query(`ALTER TABLE \`application\` MODIFY \`status\` varchar(16) NOT NULL`);
        await queryRunner.query(`ALTER TABLE \`application\` DROP COLUMN \`report_replied_at\``);
        await queryRunner.query(`ALTER TABLE \`application\` DROP COLUMN \`reported_at\``);
        await queryRunner.query(`ALTER TABLE \`application\` DROP COLUMN \`not_accepted_reason\``);
        await queryRunner.query(`ALTER TABLE \`application\` DROP COLUMN \`supplement_due_at\``);
        await queryRunner.query(`ALTER TABLE \`application\` DROP COLUMN \`suspended_days\``);
        await queryRunner.query(`ALTER TABLE \`application\` DROP COLUMN \`due_at_provisional\``);
        await queryRunner.query(`ALTER TABLE \`service_window\` DROP COLUMN \`comprehensive_intake\``);
        await queryRunner.query(`ALTER TABLE \`matter\` DROP COLUMN \`supplement_days\``);
        await queryRunner.query(`ALTER TABLE \`matter\` DROP COLUMN \`accepted_by\``);
        await queryRunner.query(`DROP TABLE \`national_calendar_year\``);
    }

}
