import { MigrationInterface, QueryRunner } from "typeorm";

export class Collaboration1763930000000 implements MigrationInterface {
    name = 'Collaboration1763930000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`collaboration_ticket\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`partner_tenant_id\` int NOT NULL, \`application_id\` int NOT NULL, \`handling_application_id\` int NULL, \`matter_code\` varchar(16) NOT NULL, \`handling_matter_id\` int NOT NULL, \`kind\` varchar(16) NOT NULL, \`status\` varchar(12) NOT NULL, \`round\` int NOT NULL DEFAULT '1', \`paper_materials\` tinyint NOT NULL, \`result_delivery\` varchar(16) NOT NULL, \`created_by_id\` int NOT NULL, \`version\` int NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_0f7636f9468663821daebc203e\` (\`tenant_id\`, \`application_id\`), INDEX \`IDX_cb46bfeb5fae1e8b76a6669d34\` (\`partner_tenant_id\`, \`status\`), INDEX \`IDX_108d6e79ce5ce81966989c0f1b\` (\`tenant_id\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`ticket_step\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`partner_tenant_id\` int NOT NULL, \`ticket_id\` int NOT NULL, \`round\` int NOT NULL, \`kind\` varchar(24) NOT NULL, \`owner\` varchar(12) NOT NULL, \`due_at\` datetime(3) NULL, \`done_at\` datetime(3) NULL, \`actor_id\` int NULL, \`note\` varchar(1000) NOT NULL DEFAULT '', \`missing_materials\` text NULL, \`carrier\` varchar(32) NULL, \`tracking_number\` varchar(40) NULL, INDEX \`IDX_fabb40455c5decfa9b47153085\` (\`partner_tenant_id\`, \`done_at\`, \`due_at\`), INDEX \`IDX_c06ef03425f28daa13f5899bde\` (\`tenant_id\`, \`done_at\`, \`due_at\`), INDEX \`IDX_4d13d497ada69e23209c5b0e2d\` (\`partner_tenant_id\`, \`ticket_id\`), INDEX \`IDX_cdcc2e2b4716c6324921f908d0\` (\`tenant_id\`, \`ticket_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`cross_province_matter\` (\`code\` varchar(16) NOT NULL, \`name\` varchar(128) NOT NULL, \`added_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (\`code\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`contact_ledger_entry\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`matter_id\` int NOT NULL, \`responsible_id\` int NOT NULL, \`deputy_id\` int NULL, \`version\` int NOT NULL, UNIQUE INDEX \`IDX_734b002148543b8a751e6d16f7\` (\`tenant_id\`, \`matter_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`problem_ledger_entry\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`ticket_id\` int NULL, \`matter_id\` int NULL, \`category\` varchar(16) NOT NULL, \`description\` varchar(1000) NOT NULL, \`status\` varchar(12) NOT NULL, \`raised_by_id\` int NOT NULL, \`assignee_id\` int NULL, \`rectification\` varchar(1000) NULL, \`closed_at\` datetime(3) NULL, \`version\` int NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_dd417d8064b1cecd8ff5e9f360\` (\`tenant_id\`, \`created_at\`), INDEX \`IDX_823c5ec70fa834b49b313d364b\` (\`tenant_id\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_823c5ec70fa834b49b313d364b\` ON \`problem_ledger_entry\``);
        await queryRunner.query(`DROP INDEX \`IDX_dd417d8064b1cecd8ff5e9f360\` ON \`problem_ledger_entry\``);
        await queryRunner.query(`DROP TABLE \`problem_ledger_entry\``);
        await queryRunner.query(`DROP INDEX \`IDX_734b002148543b8a751e6d16f7\` ON \`contact_ledger_entry\``);
        await queryRunner.query(`DROP TABLE \`contact_ledger_entry\``);
        await queryRunner.query(`DROP TABLE \`cross_province_matter\``);
        await queryRunner.query(`DROP INDEX \`IDX_cdcc2e2b4716c6324921f908d0\` ON \`ticket_step\``);
        await queryRunner.query(`DROP INDEX \`IDX_4d13d497ada69e23209c5b0e2d\` ON \`ticket_step\``);
        await queryRunner.query(`DROP INDEX \`IDX_c06ef03425f28daa13f5899bde\` ON \`ticket_step\``);
        await queryRunner.query(`DROP INDEX \`IDX_fabb40455c5decfa9b47153085\` ON \`ticket_step\``);
        await queryRunner.query(`DROP TABLE \`ticket_step\``);
        await queryRunner.query(`DROP INDEX \`IDX_108d6e79ce5ce81966989c0f1b\` ON \`collaboration_ticket\``);
        await queryRunner.query(`DROP INDEX \`IDX_cb46bfeb5fae1e8b76a6669d34\` ON \`collaboration_ticket\``);
        await queryRunner.query(`DROP INDEX \`IDX_0f7636f9468663821daebc203e\` ON \`collaboration_ticket\``);
        await queryRunner.query(`DROP TABLE \`collaboration_ticket\``);
    }

}
