import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A ticket is shared with the handling centre from its first push on (drafts are the
 * receiving centre's alone); usernames compare byte for byte, so that a look-alike such
 * as "ståff06" never matches "staff06" under the accent-folding default collation.
 * (TypeORM does not compare collations, so the entity does not carry this one.)
 */
export class SecureDefaults1764000000000 implements MigrationInterface {
    name = 'SecureDefaults1764000000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`collaboration_ticket\` ADD \`shared_with_partner\` tinyint NOT NULL DEFAULT 0`);
        await queryRunner.query(`ALTER TABLE \`ticket_step\` ADD \`shared_with_partner\` tinyint NOT NULL DEFAULT 0`);
        await queryRunner.query(`UPDATE \`collaboration_ticket\` SET \`shared_with_partner\` = 1 WHERE \`status\` <> 'DRAFT'`);
        await queryRunner.query(`UPDATE \`ticket_step\` s JOIN \`collaboration_ticket\` t ON t.\`id\` = s.\`ticket_id\` SET s.\`shared_with_partner\` = t.\`shared_with_partner\``);
        await queryRunner.query(`ALTER TABLE \`user\` MODIFY \`username\` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`user\` MODIFY \`username\` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL`);
        await queryRunner.query(`ALTER TABLE \`ticket_step\` DROP COLUMN \`shared_with_partner\``);
        await queryRunner.query(`ALTER TABLE \`collaboration_ticket\` DROP COLUMN \`shared_with_partner\``);
    }

}
