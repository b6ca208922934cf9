import { MigrationInterface, QueryRunner } from "typeorm";

export class StaffAbsenceRecordedAt1764120000001 implements MigrationInterface {
    name = 'StaffAbsenceRecordedAt1764120000001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_0b5c70a708c15c36317fa0794e"`);
        await queryRunner.query(`DROP INDEX "IDX_75d24242b845f58688669e4607"`);
        await queryRunner.query(`CREATE TABLE "temporary_staff_absence" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "user_id" integer NOT NULL, "kind" varchar(16) NOT NULL, "starts_at" datetime NOT NULL, "ends_at" datetime NOT NULL, "reason" varchar(500) NOT NULL DEFAULT (''), "created_by_id" integer, "cancelled" boolean NOT NULL DEFAULT (0), "recorded_at" datetime(3))`);
        await queryRunner.query(`INSERT INTO "temporary_staff_absence"("id", "tenant_id", "user_id", "kind", "starts_at", "ends_at", "reason", "created_by_id", "cancelled") SELECT "id", "tenant_id", "user_id", "kind", "starts_at", "ends_at", "reason", "created_by_id", "cancelled" FROM "staff_absence"`);
        await queryRunner.query(`DROP TABLE "staff_absence"`);
        await queryRunner.query(`ALTER TABLE "temporary_staff_absence" RENAME TO "staff_absence"`);
        await queryRunner.query(`CREATE INDEX "IDX_0b5c70a708c15c36317fa0794e" ON "staff_absence" ("tenant_id", "user_id", "starts_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_75d24242b845f58688669e4607" ON "staff_absence" ("tenant_id", "ends_at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_75d24242b845f58688669e4607"`);
        await queryRunner.query(`DROP INDEX "IDX_0b5c70a708c15c36317fa0794e"`);
        await queryRunner.query(`ALTER TABLE "staff_absence" RENAME TO "temporary_staff_absence"`);
        await queryRunner.query(`CREATE TABLE "staff_absence" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "user_id" integer NOT NULL, "kind" varchar(16) NOT NULL, "starts_at" datetime NOT NULL, "ends_at" datetime NOT NULL, "reason" varchar(500) NOT NULL DEFAULT (''), "created_by_id" integer, "cancelled" boolean NOT NULL DEFAULT (0))`);
        await queryRunner.query(`INSERT INTO "staff_absence"("id", "tenant_id", "user_id", "kind", "starts_at", "ends_at", "reason", "created_by_id", "cancelled") SELECT "id", "tenant_id", "user_id", "kind", "starts_at", "ends_at", "reason", "created_by_id", "cancelled" FROM "temporary_staff_absence"`);
        await queryRunner.query(`DROP TABLE "temporary_staff_absence"`);
        await queryRunner.query(`CREATE INDEX "IDX_75d24242b845f58688669e4607" ON "staff_absence" ("tenant_id", "ends_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_0b5c70a708c15c36317fa0794e" ON "staff_absence" ("tenant_id", "user_id", "starts_at") `);
    }

}
