import { MigrationInterface, QueryRunner } from "typeorm";

export class HallHours1764020000000 implements MigrationInterface {
    name = 'HallHours1764020000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`hall_hours\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`opens_at\` varchar(5) NOT NULL, \`closes_at\` varchar(5) NOT NULL, \`lunch_starts_at\` varchar(5) NULL, \`lunch_ends_at\` varchar(5) NULL, \`version\` int NOT NULL, UNIQUE INDEX \`IDX_9499cd0f38bea090564555034f\` (\`tenant_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`post_sign_off\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`user_id\` int NOT NULL, \`left_at\` datetime NOT NULL, \`returned_at\` datetime NULL, \`ends_by\` datetime NOT NULL, \`reason\` varchar(500) NOT NULL DEFAULT '', INDEX \`IDX_e395c92acd0a07cce425c7a9c1\` (\`tenant_id\`, \`user_id\`, \`left_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`empty_post_event\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`window_id\` int NOT NULL, \`starts_at\` datetime NOT NULL, \`ends_at\` datetime NOT NULL, \`cause\` varchar(16) NOT NULL, \`user_id\` int NULL, INDEX \`IDX_7afb349e74ddda1298d2bd3cdc\` (\`tenant_id\`, \`starts_at\`), INDEX \`IDX_2b5072febf8baaa33f40f03ab2\` (\`tenant_id\`, \`window_id\`, \`starts_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`lunch_duty_rota\` DROP COLUMN \`starts_on\``);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`lunch_duty_rota\` ADD \`starts_on\` varchar(10) NOT NULL`);
        await queryRunner.query(`DROP INDEX \`IDX_2b5072febf8baaa33f40f03ab2\` ON \`empty_post_event\``);
        await queryRunner.query(`DROP INDEX \`IDX_7afb349e74ddda1298d2bd3cdc\` ON \`empty_post_event\``);
        await queryRunner.query(`DROP TABLE \`empty_post_event\``);
        await queryRunner.query(`DROP INDEX \`IDX_e395c92acd0a07cce425c7a9c1\` ON \`post_sign_off\``);
        await queryRunner.query(`DROP TABLE \`post_sign_off\``);
        await queryRunner.query(`DROP INDEX \`IDX_9499cd0f38bea090564555034f\` ON \`hall_hours\``);
        await queryRunner.query(`DROP TABLE \`hall_hours\``);
    }

}
