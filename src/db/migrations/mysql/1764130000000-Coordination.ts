import { MigrationInterface, QueryRunner } from "typeorm";

export class Coordination1764130000000 implements MigrationInterface {
    name = 'Coordination1764130000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`coordination_point\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`point\` varchar(24) NOT NULL, \`department_id\` int NOT NULL, UNIQUE INDEX \`IDX_019918f5515f032827974fdeb8\` (\`tenant_id\`, \`point\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`responsibility_assignment\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`area\` varchar(32) NOT NULL, \`side\` varchar(8) NOT NULL, \`department_id\` int NOT NULL, \`responsibility\` varchar(8) NOT NULL, \`duties\` varchar(500) NOT NULL DEFAULT '', UNIQUE INDEX \`IDX_f56bccd51082a6a99f92c76056\` (\`tenant_id\`, \`area\`, \`department_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`work_item\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`kind\` varchar(24) NOT NULL, \`title\` varchar(200) NOT NULL, \`content\` varchar(2000) NOT NULL, \`origin_side\` varchar(8) NOT NULL, \`area\` varchar(32) NULL, \`source_reference\` varchar(200) NULL, \`meeting_name\` varchar(100) NULL, \`meeting_date\` varchar(10) NULL, \`request_mode\` varchar(8) NULL, \`status\` varchar(24) NOT NULL, \`registered_by_id\` int NOT NULL, \`registering_department_id\` int NOT NULL, \`bureau_contact_department_id\` int NULL, \`centre_contact_department_id\` int NULL, \`organiser_department_id\` int NOT NULL, \`registered_at\` datetime(3) NOT NULL, \`due_working_days\` int NOT NULL, \`due_at\` datetime(3) NOT NULL, \`consultation_minutes\` varchar(4000) NULL, \`consultation_outcome\` varchar(2000) NULL, \`consulted_at\` datetime(3) NULL, \`final_result\` varchar(2000) NULL, \`finished_at\` datetime(3) NULL, \`version\` int NOT NULL, INDEX \`IDX_9d1ae3fa5ee49246f7331f110b\` (\`tenant_id\`, \`registered_at\`), INDEX \`IDX_81215ee4f79253b450e816ec82\` (\`tenant_id\`, \`status\`, \`due_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`work_item_assignee\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`work_item_id\` int NOT NULL, \`department_id\` int NOT NULL, \`person_id\` int NULL, \`status\` varchar(12) NOT NULL, \`assigned_at\` datetime(3) NOT NULL, \`done_at\` datetime(3) NULL, \`returned_at\` datetime(3) NULL, \`return_reason\` varchar(1000) NULL, INDEX \`IDX_78dbfa92ae01e8795b2de528a0\` (\`tenant_id\`, \`department_id\`, \`status\`), INDEX \`IDX_725c12415294a6d14e6ebecf97\` (\`tenant_id\`, \`work_item_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`consultation_participant\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`work_item_id\` int NOT NULL, \`department_id\` int NOT NULL, UNIQUE INDEX \`IDX_28de97fc384a56003fc20cea1c\` (\`tenant_id\`, \`work_item_id\`, \`department_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`work_item_step\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`work_item_id\` int NOT NULL, \`action\` varchar(20) NOT NULL, \`actor_id\` int NOT NULL, \`actor_department_id\` int NOT NULL, \`actor_role\` varchar(16) NULL, \`assignee_id\` int NULL, \`from_status\` varchar(24) NULL, \`to_status\` varchar(24) NOT NULL, \`note\` varchar(2000) NOT NULL DEFAULT '', \`at\` datetime(3) NOT NULL, INDEX \`IDX_842f53fabe54fe80bdd7e5d18d\` (\`tenant_id\`, \`work_item_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_842f53fabe54fe80bdd7e5d18d\` ON \`work_item_step\``);
        await queryRunner.query(`DROP TABLE \`work_item_step\``);
        await queryRunner.query(`DROP INDEX \`IDX_28de97fc384a56003fc20cea1c\` ON \`consultation_participant\``);
        await queryRunner.query(`DROP TABLE \`consultation_participant\``);
        await queryRunner.query(`DROP INDEX \`IDX_725c12415294a6d14e6ebecf97\` ON \`work_item_assignee\``);
        await queryRunner.query(`DROP INDEX \`IDX_78dbfa92ae01e8795b2de528a0\` ON \`work_item_assignee\``);
        await queryRunner.query(`DROP TABLE \`work_item_assignee\``);
        await queryRunner.query(`DROP INDEX \`IDX_81215ee4f79253b450e816ec82\` ON \`work_item\``);
        await queryRunner.query(`DROP INDEX \`IDX_9d1ae3fa5ee49246f7331f110b\` ON \`work_item\``);
        await queryRunner.query(`DROP TABLE \`work_item\``);
        await queryRunner.query(`DROP INDEX \`IDX_f56bccd51082a6a99f92c76056\` ON \`responsibility_assignment\``);
        await queryRunner.query(`DROP TABLE \`responsibility_assignment\``);
        await queryRunner.query(`DROP INDEX \`IDX_019918f5515f032827974fdeb8\` ON \`coordination_point\``);
        await queryRunner.query(`DROP TABLE \`coordination_point\``);
    }

}
