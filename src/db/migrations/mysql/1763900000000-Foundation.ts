import { MigrationInterface, QueryRunner } from "typeorm";

export class Foundation1763900000000 implements MigrationInterface {
    name = 'Foundation1763900000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`tenant\` (\`id\` int NOT NULL AUTO_INCREMENT, \`code\` varchar(6) NOT NULL, \`name\` varchar(64) NOT NULL, \`level\` varchar(16) NOT NULL, \`parent_id\` int NULL, \`path\` varchar(128) NOT NULL, \`time_zone\` varchar(40) NOT NULL DEFAULT 'Asia/Shanghai', \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_5b5c77ec7956f1b9877e6077ce\` (\`path\`), UNIQUE INDEX \`IDX_b1bb8505abe259d04b317bd799\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`department\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`name\` varchar(64) NOT NULL, \`kind\` varchar(24) NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_513667e4134ec5cf536261a024\` (\`tenant_id\`, \`kind\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`user\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`username\` varchar(64) NOT NULL, \`display_name\` varchar(64) NOT NULL, \`department_id\` int NOT NULL, \`roles\` text NOT NULL, \`password_hash\` varchar(100) NOT NULL, \`phone\` varchar(20) NULL, \`id_number\` varchar(18) NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`token_version\` int NOT NULL DEFAULT '0', \`version\` int NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_2963d6ed98afd5e9ed970049b0\` (\`tenant_id\`, \`department_id\`), UNIQUE INDEX \`IDX_78a916df40e02a9deb1c4b75ed\` (\`username\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`login_throttle\` (\`username\` varchar(64) NOT NULL, \`failures\` int NOT NULL DEFAULT '0', \`window_started_at\` datetime NOT NULL, \`locked_until\` datetime NULL, PRIMARY KEY (\`username\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE \`login_throttle\``);
        await queryRunner.query(`DROP INDEX \`IDX_78a916df40e02a9deb1c4b75ed\` ON \`user\``);
        await queryRunner.query(`DROP INDEX \`IDX_2963d6ed98afd5e9ed970049b0\` ON \`user\``);
        await queryRunner.query(`DROP TABLE \`user\``);
        await queryRunner.query(`DROP INDEX \`IDX_513667e4134ec5cf536261a024\` ON \`department\``);
        await queryRunner.query(`DROP TABLE \`department\``);
        await queryRunner.query(`DROP INDEX \`IDX_b1bb8505abe259d04b317bd799\` ON \`tenant\``);
        await queryRunner.query(`DROP INDEX \`IDX_5b5c77ec7956f1b9877e6077ce\` ON \`tenant\``);
        await queryRunner.query(`DROP TABLE \`tenant\``);
    }

}
