import { MigrationInterface, QueryRunner } from "typeorm";

export class Coordination1764130000000 implements MigrationInterface {
    name = 'Coordination1764130000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "coordination_point" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "point" varchar(24) NOT NULL, "department_id" integer NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_019918f5515f032827974fdeb8" ON "coordination_point" ("tenant_id", "point") `);
        await queryRunner.query(`CREATE TABLE "responsibility_assignment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "area" varchar(32) NOT NULL, "side" varchar(8) NOT NULL, "department_id" integer NOT NULL, "responsibility" varchar(8) NOT NULL, "duties" varchar(500) NOT NULL DEFAULT (''))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f56bccd51082a6a99f92c76056" ON "responsibility_assignment" ("tenant_id", "area", "department_id") `);
        await queryRunner.query(`CREATE TABLE "work_item" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "kind" varchar(24) NOT NULL, "title" varchar(200) NOT NULL, "content" varchar(2000) NOT NULL, "origin_side" varchar(8) NOT NULL, "area" varchar(32), "source_reference" varchar(200), "meeting_name" varchar(100), "meeting_date" varchar(10), "request_mode" varchar(8), "status" varchar(24) NOT NULL, "registered_by_id" integer NOT NULL, "registering_department_id" integer NOT NULL, "bureau_contact_department_id" integer, "centre_contact_department_id" integer, "organiser_department_id" integer NOT NULL, "registered_at" datetime(3) NOT NULL, "due_working_days" integer NOT NULL, "due_at" datetime(3) NOT NULL, "consultation_minutes" varchar(4000), "consultation_outcome" varchar(2000), "consulted_at" datetime(3), "final_result" varchar(2000), "finished_at" datetime(3), "version" integer NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_9d1ae3fa5ee49246f7331f110b" ON "work_item" ("tenant_id", "registered_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_81215ee4f79253b450e816ec82" ON "work_item" ("tenant_id", "status", "due_at") `);
        await queryRunner.query(`CREATE TABLE "work_item_assignee" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "work_item_id" integer NOT NULL, "department_id" integer NOT NULL, "person_id" integer, "status" varchar(12) NOT NULL, "assigned_at" datetime(3) NOT NULL, "done_at" datetime(3), "returned_at" datetime(3), "return_reason" varchar(1000))`);
        await queryRunner.query(`CREATE INDEX "IDX_78dbfa92ae01e8795b2de528a0" ON "work_item_assignee" ("tenant_id", "department_id", "status") `);
        await queryRunner.query(`CREATE INDEX "IDX_725c12415294a6d14e6ebecf97" ON "work_item_assignee" ("tenant_id", "work_item_id") `);
        await queryRunner.query(`CREATE TABLE "consultation_participant" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "work_item_id" integer NOT NULL, "department_id" integer NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_28de97fc384a56003fc20cea1c" ON "consultation_participant" ("tenant_id", "work_item_id", "department_id") `);
        await queryRunner.query(`CREATE TABLE "work_item_step" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "work_item_id" integer NOT NULL, "action" varchar(20) NOT NULL, "actor_id" integer NOT NULL, "actor_department_id" integer NOT NULL, "actor_role" varchar(16), "assignee_id" integer, "from_status" varchar(24), "to_status" varchar(24) NOT NULL, "note" varchar(2000) NOT NULL DEFAULT (''), "at" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_842f53fabe54fe80bdd7e5d18d" ON "work_item_step" ("tenant_id", "work_item_id", "id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_842f53fabe54fe80bdd7e5d18d"`);
        await queryRunner.query(`DROP TABLE "work_item_step"`);
        await queryRunner.query(`DROP INDEX "IDX_28de97fc384a56003fc20cea1c"`);
        await queryRunner.query(`DROP TABLE "consultation_participant"`);
        await queryRunner.query(`DROP INDEX "IDX_725c12415294a6d14e6ebecf97"`);
        await queryRunner.query(`DROP INDEX "IDX_78dbfa92ae01e8795b2de528a0"`);
        await queryRunner.query(`DROP TABLE "work_item_assignee"`);
        await queryRunner.query(`DROP INDEX "IDX_81215ee4f79253b450e816ec82"`);
        await queryRunner.query(`DROP INDEX "IDX_9d1ae3fa5ee49246f7331f110b"`);
        await queryRunner.query(`DROP TABLE "work_item"`);
        await queryRunner.query(`DROP INDEX "IDX_f56bccd51082a6a99f92c76056"`);
        await queryRunner.query(`DROP TABLE "responsibility_assignment"`);
        await queryRunner.query(`DROP INDEX "IDX_019918f5515f032827974fdeb8"`);
        await queryRunner.query(`DROP TABLE "coordination_point"`);
    }

}
