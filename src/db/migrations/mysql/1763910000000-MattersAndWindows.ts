import { MigrationInterface, QueryRunner } from "typeorm";

export class MattersAndWindows1763910000000 implements MigrationInterface {
    name = 'MattersAndWindows1763910000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`matter\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`name\` varchar(128) NOT NULL, \`type\` varchar(32) NOT NULL, \`basis\` text NOT NULL, \`code\` varchar(16) NOT NULL, \`legal_limit_days\` int NOT NULL, \`acceptance_conditions\` text NOT NULL, \`intermediary_services\` text NOT NULL, \`service_objects\` text NOT NULL, \`category\` varchar(16) NOT NULL, \`duties\` text NOT NULL, \`procedure\` text NOT NULL, \`department_id\` int NOT NULL, \`joint_department_ids\` text NOT NULL, \`promised_limit_days\` int NOT NULL, \`consultation_phone\` varchar(32) NOT NULL, \`complaint_phone\` varchar(32) NOT NULL, \`address\` varchar(200) NOT NULL, \`cross_region\` tinyint NOT NULL DEFAULT 0, \`source_matter_id\` int NULL, \`status\` varchar(16) NOT NULL DEFAULT 'DRAFT', \`suspend_reason\` varchar(500) NULL, \`version\` int NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_d184f118aac13e9cbdb6e88d67\` (\`tenant_id\`, \`source_matter_id\`), INDEX \`IDX_0fe03d1db306c2cf1acbe22d0a\` (\`tenant_id\`, \`department_id\`), INDEX \`IDX_2324afb573bf5b2f0a7feb704d\` (\`tenant_id\`, \`status\`, \`category\`), UNIQUE INDEX \`IDX_131d207354fb7ed7caf8fefddc\` (\`tenant_id\`, \`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`material_requirement\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`matter_id\` int NOT NULL, \`position\` int NOT NULL, \`name\` varchar(200) NOT NULL, \`required\` tinyint NOT NULL, \`form\` varchar(24) NOT NULL, \`copies\` int NOT NULL DEFAULT '1', \`notes\` varchar(500) NOT NULL DEFAULT '', INDEX \`IDX_a9bbcb9f45eb619ed551b6d3f1\` (\`tenant_id\`, \`matter_id\`, \`position\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`fee_item\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`matter_id\` int NOT NULL, \`position\` int NOT NULL, \`name\` varchar(200) NOT NULL, \`basis\` varchar(500) NOT NULL, \`amount_fen\` int NOT NULL, INDEX \`IDX_a33a704a01fa163fb949964190\` (\`tenant_id\`, \`matter_id\`, \`position\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`service_window\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`number\` varchar(16) NOT NULL, \`name\` varchar(64) NOT NULL, \`hall\` varchar(64) NOT NULL, \`kind\` varchar(16) NOT NULL, \`department_id\` int NOT NULL, \`chief_representative_id\` int NULL, \`status\` varchar(8) NOT NULL DEFAULT 'OPEN', \`version\` int NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_5138c20c5d4854a2ecb70e7ec6\` (\`tenant_id\`, \`department_id\`), UNIQUE INDEX \`IDX_23879cae397ae85e26133a36ac\` (\`tenant_id\`, \`number\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`window_matter\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`window_id\` int NOT NULL, \`matter_id\` int NOT NULL, INDEX \`IDX_2ac917223a519e1e594c91c3ff\` (\`tenant_id\`, \`matter_id\`), UNIQUE INDEX \`IDX_b0652fc35bd8c1a9ec6795be4d\` (\`tenant_id\`, \`window_id\`, \`matter_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`window_status_change\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`window_id\` int NOT NULL, \`status\` varchar(8) NOT NULL, \`reason\` varchar(500) NOT NULL, \`actor_id\` int NULL, \`at\` datetime NOT NULL, INDEX \`IDX_f76ace6976a33c0bb0bad99e34\` (\`tenant_id\`, \`window_id\`, \`at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`window_post\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`window_id\` int NOT NULL, \`post\` varchar(1) NOT NULL, \`user_id\` int NOT NULL, INDEX \`IDX_4a5078a2507deca14990a45db4\` (\`tenant_id\`, \`user_id\`), UNIQUE INDEX \`IDX_0076a5d891f29706a415043dae\` (\`tenant_id\`, \`window_id\`, \`post\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`staff_absence\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`user_id\` int NOT NULL, \`kind\` varchar(16) NOT NULL, \`starts_at\` datetime NOT NULL, \`ends_at\` datetime NOT NULL, \`reason\` varchar(500) NOT NULL DEFAULT '', \`created_by_id\` int NULL, \`cancelled\` tinyint NOT NULL DEFAULT 0, INDEX \`IDX_75d24242b845f58688669e4607\` (\`tenant_id\`, \`ends_at\`), INDEX \`IDX_0b5c70a708c15c36317fa0794e\` (\`tenant_id\`, \`user_id\`, \`starts_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`window_cover\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`window_id\` int NOT NULL, \`user_id\` int NOT NULL, \`absence_id\` int NOT NULL, \`starts_at\` datetime NOT NULL, \`ends_at\` datetime NOT NULL, INDEX \`IDX_7dc2f958a56a547a54bd9e30cb\` (\`tenant_id\`, \`window_id\`, \`starts_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`lunch_duty_rota\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`window_id\` int NOT NULL, \`group_one_ids\` text NOT NULL, \`group_two_ids\` text NOT NULL, \`starts_on\` varchar(10) NOT NULL, \`version\` int NOT NULL, UNIQUE INDEX \`IDX_7f08184259b9470d0289c36073\` (\`tenant_id\`, \`window_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_7f08184259b9470d0289c36073\` ON \`lunch_duty_rota\``);
        await queryRunner.query(`DROP TABLE \`lunch_duty_rota\``);
        await queryRunner.query(`DROP INDEX \`IDX_7dc2f958a56a547a54bd9e30cb\` ON \`window_cover\``);
        await queryRunner.query(`DROP TABLE \`window_cover\``);
        await queryRunner.query(`DROP INDEX \`IDX_0b5c70a708c15c36317fa0794e\` ON \`staff_absence\``);
        await queryRunner.query(`DROP INDEX \`IDX_75d24242b845f58688669e4607\` ON \`staff_absence\``);
        await queryRunner.query(`DROP TABLE \`staff_absence\``);
        await queryRunner.query(`DROP INDEX \`IDX_0076a5d891f29706a415043dae\` ON \`window_post\``);
        await queryRunner.query(`DROP INDEX \`IDX_4a5078a2507deca14990a45db4\` ON \`window_post\``);
        await queryRunner.query(`DROP TABLE \`window_post\``);
        await queryRunner.query(`DROP INDEX \`IDX_f76ace6976a33c0bb0bad99e34\` ON \`window_status_change\``);
        await queryRunner.query(`DROP TABLE \`window_status_change\``);
        await queryRunner.query(`DROP INDEX \`IDX_b0652fc35bd8c1a9ec6795be4d\` ON \`window_matter\``);
        await queryRunner.query(`DROP INDEX \`IDX_2ac917223a519e1e594c91c3ff\` ON \`window_matter\``);
        await queryRunner.query(`DROP TABLE \`window_matter\``);
        await queryRunner.query(`DROP INDEX \`IDX_23879cae397ae85e26133a36ac\` ON \`service_window\``);
        await queryRunner.query(`DROP INDEX \`IDX_5138c20c5d4854a2ecb70e7ec6\` ON \`service_window\``);
        await queryRunner.query(`DROP TABLE \`service_window\``);
        await queryRunner.query(`DROP INDEX \`IDX_a33a704a01fa163fb949964190\` ON \`fee_item\``);
        await queryRunner.query(`DROP TABLE \`fee_item\``);
        await queryRunner.query(`DROP INDEX \`IDX_a9bbcb9f45eb619ed551b6d3f1\` ON \`material_requirement\``);
        await queryRunner.query(`DROP TABLE \`material_requirement\``);
        await queryRunner.query(`DROP INDEX \`IDX_131d207354fb7ed7caf8fefddc\` ON \`matter\``);
        await queryRunner.query(`DROP INDEX \`IDX_2324afb573bf5b2f0a7feb704d\` ON \`matter\``);
        await queryRunner.query(`DROP INDEX \`IDX_0fe03d1db306c2cf1acbe22d0a\` ON \`matter\``);
        await queryRunner.query(`DROP INDEX \`IDX_d184f118aac13e9cbdb6e88d67\` ON \`matter\``);
        await queryRunner.query(`DROP TABLE \`matter\``);
    }

}
