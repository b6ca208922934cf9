import { MigrationInterface, QueryRunner } from "typeorm";

export class AuditLog1764030000000 implements MigrationInterface {
    name = 'AuditLog1764030000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`audit_entry\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`tenant_code\` varchar(6) NULL, \`seq\` int NOT NULL, \`kind\` varchar(16) NOT NULL, \`operation\` varchar(200) NOT NULL, \`outcome\` varchar(32) NOT NULL, \`actor_user_id\` int NULL, \`actor_username\` varchar(200) NULL, \`actor_roles\` varchar(200) NOT NULL, \`targets\` text NOT NULL, \`details\` text NOT NULL, \`request_id\` varchar(64) NOT NULL, \`client_address\` varchar(64) NOT NULL, \`at\` datetime NOT NULL, \`previous_hash\` varchar(64) NOT NULL, \`hash\` varchar(64) NOT NULL, INDEX \`IDX_7c476ba2c262c49b5addc784c9\` (\`tenant_id\`, \`kind\`, \`at\`), INDEX \`IDX_cfa9314ea68b6e81ba9493133f\` (\`tenant_id\`, \`at\`), UNIQUE INDEX \`IDX_51f23a183daac5df71f42b22f8\` (\`tenant_id\`, \`seq\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`audit_chain_head\` (\`tenant_id\` int NOT NULL, \`seq\` int NOT NULL, \`hash\` varchar(64) NOT NULL, PRIMARY KEY (\`tenant_id\`)) ENGINE=InnoDB`);
        // Append-only (issue 13): the database itself refuses to change or remove an entry.
        for (const action of ['UPDATE', 'DELETE']) {
            await queryRunner.query(`CREATE TRIGGER \`audit_entry_no_${action.toLowerCase()}\` BEFORE ${action} ON \`audit_entry\` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit entries are append-only'`);
        }
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER IF EXISTS \`audit_entry_no_delete\``);
        await queryRunner.query(`DROP TRIGGER IF EXISTS \`audit_entry_no_update\``);
        await queryRunner.query(`DROP TABLE \`audit_chain_head\``);
        await queryRunner.query(`DROP INDEX \`IDX_51f23a183daac5df71f42b22f8\` ON \`audit_entry\``);
        await queryRunner.query(`DROP INDEX \`IDX_cfa9314ea68b6e81ba9493133f\` ON \`audit_entry\``);
        await queryRunner.query(`DROP INDEX \`IDX_7c476ba2c262c49b5addc784c9\` ON \`audit_entry\``);
        await queryRunner.query(`DROP TABLE \`audit_entry\``);
    }

}
