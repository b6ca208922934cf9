import { MigrationInterface, QueryRunner } from "typeorm";

export class PublicNotices1764150000000 implements MigrationInterface {
    name = 'PublicNotices1764150000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_9499cd0f38bea090564555034f\` ON \`hall_hours\``);
        await queryRunner.query(`CREATE TABLE \`public_notice\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`kind\` varchar(16) NOT NULL, \`status\` varchar(12) NOT NULL, \`title\` varchar(100) NOT NULL, \`text\` varchar(2000) NOT NULL, \`applies_from\` varchar(10) NOT NULL, \`applies_until\` varchar(10) NULL, \`matter_ids\` text NOT NULL, \`window_ids\` text NOT NULL, \`new_address\` varchar(200) NULL, \`opens_at\` varchar(5) NULL, \`closes_at\` varchar(5) NULL, \`lunch_starts_at\` varchar(5) NULL, \`lunch_ends_at\` varchar(5) NULL, \`created_by_id\` int NOT NULL, \`published_at\` datetime(3) NULL, \`published_by_id\` int NULL, \`withdrawn_at\` datetime(3) NULL, \`withdrawn_reason\` varchar(200) NULL, \`version\` int NOT NULL, INDEX \`IDX_65a171f75a6e3698bfd73794dc\` (\`tenant_id\`, \`status\`, \`applies_from\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`centre_address\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`address\` varchar(200) NOT NULL, \`effective_from\` varchar(10) NOT NULL, \`notice_id\` int NULL, \`version\` int NOT NULL, UNIQUE INDEX \`IDX_6a152008018fa6de69a91e8485\` (\`tenant_id\`, \`effective_from\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`calendar_override\` ADD \`notice_id\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`calendar_override\` ADD \`closed_working_day_reason\` varchar(200) NULL`);
        await queryRunner.query(`ALTER TABLE \`hall_hours\` ADD \`effective_from\` varchar(10) NOT NULL DEFAULT ''`);
        await queryRunner.query(`ALTER TABLE \`hall_hours\` ADD \`notice_id\` int NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX \`IDX_1fc76a021a964060b1400a8afe\` ON \`hall_hours\` (\`tenant_id\`, \`effective_from\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_1fc76a021a964060b1400a8afe\` ON \`hall_hours\``);
        await queryRunner.query(`ALTER TABLE \`hall_hours\` DROP COLUMN \`notice_id\``);
        await queryRunner.query(`ALTER TABLE \`hall_hours\` DROP COLUMN \`effective_from\``);
        await queryRunner.query(`ALTER TABLE \`calendar_override\` DROP COLUMN \`closed_working_day_reason\``);
        await queryRunner.query(`ALTER TABLE \`calendar_override\` DROP COLUMN \`notice_id\``);
        await queryRunner.query(`DROP INDEX \`IDX_6a152008018fa6de69a91e8485\` ON \`centre_address\``);
        await queryRunner.query(`DROP TABLE \`centre_address\``);
        await queryRunner.query(`DROP INDEX \`IDX_65a171f75a6e3698bfd73794dc\` ON \`public_notice\``);
        await queryRunner.query(`DROP TABLE \`public_notice\``);
        await queryRunner.query(`CREATE UNIQUE INDEX \`IDX_9499cd0f38bea090564555034f\` ON \`hall_hours\` (\`tenant_id\`)`);
    }

}
