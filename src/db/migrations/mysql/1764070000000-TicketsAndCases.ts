import { MigrationInterface, QueryRunner } from "typeorm";

export class TicketsAndCases1764070000000 implements MigrationInterface {
    name = 'TicketsAndCases1764070000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`cross_region_matter\` (\`province_code\` varchar(6) NOT NULL, \`code\` varchar(16) NOT NULL, \`name\` varchar(128) NOT NULL, \`added_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (\`province_code\`, \`code\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`collaboration_ticket\` ADD \`cancel_reason\` varchar(500) NULL`);
        await queryRunner.query(`ALTER TABLE \`ticket_step\` ADD \`cancelled_at\` datetime(3) NULL`);
        await queryRunner.query(`ALTER TABLE \`ticket_step\` ADD \`department_id\` int NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`ticket_step\` DROP COLUMN \`department_id\``);
        await queryRunner.query(`ALTER TABLE \`ticket_step\` DROP COLUMN \`cancelled_at\``);
        await queryRunner.query(`ALTER TABLE \`collaboration_ticket\` DROP COLUMN \`cancel_reason\``);
        await queryRunner.query(`DROP TABLE \`cross_region_matter\``);
    }

}
