import { MigrationInterface, QueryRunner } from "typeorm";

export class CaseMaterials1764060000000 implements MigrationInterface {
    name = 'CaseMaterials1764060000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`application\` ADD \`provided_material_ids\` text NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`application\` DROP COLUMN \`provided_material_ids\``);
    }

}
