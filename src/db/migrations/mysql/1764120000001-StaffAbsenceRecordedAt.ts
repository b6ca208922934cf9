import { MigrationInterface, QueryRunner } from "typeorm";

export class StaffAbsenceRecordedAt1764120000001 implements MigrationInterface {
    name = 'StaffAbsenceRecordedAt1764120000001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`staff_absence\` ADD \`recorded_at\` datetime(3) NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`staff_absence\` DROP COLUMN \`recorded_at\``);
    }

}
