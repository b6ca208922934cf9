import { MigrationInterface, QueryRunner } from "typeorm";

/** login_throttle became the generic `throttle` table (sign-in and public lookups); its rows are transient. */
export class DropLoginThrottle1763915000000 implements MigrationInterface {
    name = 'DropLoginThrottle1763915000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE \`login_throttle\``);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`login_throttle\` (\`username\` varchar(64) NOT NULL, \`failures\` int NOT NULL DEFAULT '0', \`window_started_at\` datetime NOT NULL, \`locked_until\` datetime NULL, PRIMARY KEY (\`username\`)) ENGINE=InnoDB`);
    }
}
