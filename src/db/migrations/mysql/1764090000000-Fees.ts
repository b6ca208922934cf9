import { MigrationInterface, QueryRunner } from "typeorm";

export class Fees1764090000000 implements MigrationInterface {
    name = 'Fees1764090000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`payee_account\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`department_id\` int NOT NULL, \`account_number\` varchar(40) NOT NULL, \`account_name\` varchar(200) NOT NULL, \`bank_name\` varchar(200) NOT NULL, \`version\` int NOT NULL, UNIQUE INDEX \`IDX_881d08fc0fd5f583c96562bac2\` (\`tenant_id\`, \`department_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`payment_notice\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`number\` varchar(32) NOT NULL, \`reference\` varchar(32) NOT NULL, \`application_id\` int NOT NULL, \`matter_id\` int NOT NULL, \`department_id\` int NOT NULL, \`payee_account_number\` varchar(40) NOT NULL, \`payee_account_name\` varchar(200) NOT NULL, \`total_fen\` int NOT NULL, \`status\` varchar(12) NOT NULL, \`off_standard\` tinyint NOT NULL DEFAULT 0, \`off_standard_reason\` varchar(500) NULL, \`cancel_reason\` varchar(500) NULL, \`supersedes_id\` int NULL, \`superseded_by_id\` int NULL, \`issued_by_id\` int NOT NULL, \`issued_at\` datetime(3) NOT NULL, \`issued_on\` varchar(10) NOT NULL, \`version\` int NOT NULL, INDEX \`IDX_cfcdf707557da3d029f267ce67\` (\`tenant_id\`, \`department_id\`, \`issued_on\`), INDEX \`IDX_7f2eb0741b17a315aa53767eb4\` (\`tenant_id\`, \`issued_by_id\`), INDEX \`IDX_56bdc1195916a33d0ceb53d3dc\` (\`tenant_id\`, \`application_id\`), INDEX \`IDX_2eb1bf25e2d656fa9ae56abae0\` (\`tenant_id\`, \`issued_on\`, \`status\`), UNIQUE INDEX \`IDX_799f8ec5d6207278b3801e7b38\` (\`tenant_id\`, \`reference\`), UNIQUE INDEX \`IDX_9dd3119622bf0f72594ae0176d\` (\`tenant_id\`, \`number\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`payment_notice_item\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`notice_id\` int NOT NULL, \`fee_item_id\` int NULL, \`name\` varchar(200) NOT NULL, \`basis\` varchar(500) NOT NULL, \`unit_fen\` int NOT NULL, \`quantity\` int NOT NULL, \`amount_fen\` int NOT NULL, \`off_standard\` tinyint NOT NULL DEFAULT 0, INDEX \`IDX_059e28c187527c1261f4b6b116\` (\`tenant_id\`, \`notice_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`payment_notice_counter\` (\`tenant_id\` int NOT NULL, \`day\` varchar(8) NOT NULL, \`last_sequence\` int NOT NULL, PRIMARY KEY (\`tenant_id\`, \`day\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`bank_statement\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`file_hash\` varchar(64) NOT NULL, \`file_name\` varchar(200) NOT NULL, \`line_count\` int NOT NULL, \`new_transaction_count\` int NOT NULL, \`known_transaction_count\` int NOT NULL, \`imported_by_id\` int NOT NULL, \`imported_at\` datetime(3) NOT NULL, INDEX \`IDX_e5f7439c7f395022fe24dfff36\` (\`tenant_id\`, \`imported_at\`), UNIQUE INDEX \`IDX_71739cb8e137f1c7ecacc3587a\` (\`tenant_id\`, \`file_hash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`bank_transaction\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`statement_id\` int NOT NULL, \`bank_transaction_id\` varchar(64) NOT NULL, \`value_date\` varchar(10) NOT NULL, \`occurred_at\` datetime(3) NOT NULL, \`amount_fen\` int NOT NULL, \`payer_name\` varchar(200) NOT NULL, \`payer_account_last4\` varchar(4) NOT NULL, \`reference\` varchar(64) NOT NULL, \`bank_account\` varchar(40) NOT NULL, \`notice_id\` int NULL, INDEX \`IDX_51100f93e59105ce0b941f0cd3\` (\`tenant_id\`, \`statement_id\`), INDEX \`bank_transaction_by_notice\` (\`tenant_id\`, \`notice_id\`, \`value_date\`), INDEX \`IDX_adca7edb7b7cadf38d3cc650f3\` (\`tenant_id\`, \`value_date\`), UNIQUE INDEX \`IDX_a8098aac526782579c0bf3f2a7\` (\`tenant_id\`, \`bank_transaction_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`receipt_book\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`department_id\` int NOT NULL, \`series\` varchar(20) NOT NULL, \`first_serial\` int NOT NULL, \`last_serial\` int NOT NULL, \`next_serial\` int NOT NULL, \`registered_by_id\` int NOT NULL, \`registered_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_a0d2d6a3f9bacc9387081221ce\` (\`tenant_id\`, \`series\`), INDEX \`IDX_7b0d94874e8ab71552d46c969a\` (\`tenant_id\`, \`department_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`receipt\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`book_id\` int NOT NULL, \`number\` varchar(40) NOT NULL, \`serial\` int NOT NULL, \`notice_id\` int NOT NULL, \`department_id\` int NOT NULL, \`amount_fen\` int NOT NULL, \`status\` varchar(8) NOT NULL, \`void_reason\` varchar(500) NULL, \`issued_by_id\` int NOT NULL, \`issued_at\` datetime(3) NOT NULL, \`issued_on\` varchar(10) NOT NULL, \`version\` int NOT NULL, INDEX \`IDX_43dfb53a00575a13d8c774dbae\` (\`tenant_id\`, \`issued_on\`), INDEX \`receipt_by_notice\` (\`tenant_id\`, \`notice_id\`, \`issued_on\`), UNIQUE INDEX \`IDX_b0dd06f34df4487857b38881f8\` (\`tenant_id\`, \`book_id\`, \`serial\`), UNIQUE INDEX \`IDX_2f0fd7f4b90420904baa69208a\` (\`tenant_id\`, \`number\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`finance_day\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`day\` varchar(10) NOT NULL, \`status\` varchar(12) NOT NULL, \`reconciled_at\` datetime(3) NULL, \`closed_at\` datetime(3) NULL, \`closed_by_id\` int NULL, \`version\` int NOT NULL, UNIQUE INDEX \`IDX_2adc35947a53eb77835627aa20\` (\`tenant_id\`, \`day\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`reconciliation_item\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`day\` varchar(10) NOT NULL, \`kind\` varchar(20) NOT NULL, \`notice_id\` int NULL, \`transaction_id\` int NULL, \`receipt_id\` int NULL, \`department_id\` int NULL, \`account\` varchar(40) NOT NULL, \`expected_fen\` int NOT NULL, \`paid_fen\` int NOT NULL, \`payment_count\` int NOT NULL, \`is_open\` tinyint NOT NULL, \`resolution\` varchar(16) NULL, \`resolution_note\` varchar(500) NULL, \`resolved_by_id\` int NULL, \`resolved_at\` datetime(3) NULL, \`version\` int NOT NULL, INDEX \`IDX_6954a1107323938201ddf6b624\` (\`tenant_id\`, \`day\`, \`is_open\`), INDEX \`IDX_d7941782d56e1510f42e80085a\` (\`tenant_id\`, \`day\`, \`kind\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`adjusting_entry\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`day\` varchar(10) NOT NULL, \`refers_to_day\` varchar(10) NOT NULL, \`kind\` varchar(16) NOT NULL, \`notice_id\` int NULL, \`transaction_id\` int NULL, \`receipt_id\` int NULL, \`amount_fen\` int NOT NULL, \`note\` varchar(500) NOT NULL, \`created_by_id\` int NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_bd99310837cfb98d071b0950b4\` (\`tenant_id\`, \`refers_to_day\`), INDEX \`IDX_3ace846ae5048b010d8759399e\` (\`tenant_id\`, \`day\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_3ace846ae5048b010d8759399e\` ON \`adjusting_entry\``);
        await queryRunner.query(`DROP INDEX \`IDX_bd99310837cfb98d071b0950b4\` ON \`adjusting_entry\``);
        await queryRunner.query(`DROP TABLE \`adjusting_entry\``);
        await queryRunner.query(`DROP INDEX \`IDX_d7941782d56e1510f42e80085a\` ON \`reconciliation_item\``);
        await queryRunner.query(`DROP INDEX \`IDX_6954a1107323938201ddf6b624\` ON \`reconciliation_item\``);
        await queryRunner.query(`DROP TABLE \`reconciliation_item\``);
        await queryRunner.query(`DROP INDEX \`IDX_2adc35947a53eb77835627aa20\` ON \`finance_day\``);
        await queryRunner.query(`DROP TABLE \`finance_day\``);
        await queryRunner.query(`DROP INDEX \`IDX_2f0fd7f4b90420904baa69208a\` ON \`receipt\``);
        await queryRunner.query(`DROP INDEX \`IDX_b0dd06f34df4487857b38881f8\` ON \`receipt\``);
        await queryRunner.query(`DROP INDEX \`receipt_by_notice\` ON \`receipt\``);
        await queryRunner.query(`DROP INDEX \`IDX_43dfb53a00575a13d8c774dbae\` ON \`receipt\``);
        await queryRunner.query(`DROP TABLE \`receipt\``);
        await queryRunner.query(`DROP INDEX \`IDX_7b0d94874e8ab71552d46c969a\` ON \`receipt_book\``);
        await queryRunner.query(`DROP INDEX \`IDX_a0d2d6a3f9bacc9387081221ce\` ON \`receipt_book\``);
        await queryRunner.query(`DROP TABLE \`receipt_book\``);
        await queryRunner.query(`DROP INDEX \`IDX_a8098aac526782579c0bf3f2a7\` ON \`bank_transaction\``);
        await queryRunner.query(`DROP INDEX \`IDX_adca7edb7b7cadf38d3cc650f3\` ON \`bank_transaction\``);
        await queryRunner.query(`DROP INDEX \`bank_transaction_by_notice\` ON \`bank_transaction\``);
        await queryRunner.query(`DROP INDEX \`IDX_51100f93e59105ce0b941f0cd3\` ON \`bank_transaction\``);
        await queryRunner.query(`DROP TABLE \`bank_transaction\``);
        await queryRunner.query(`DROP INDEX \`IDX_71739cb8e137f1c7ecacc3587a\` ON \`bank_statement\``);
        await queryRunner.query(`DROP INDEX \`IDX_e5f7439c7f395022fe24dfff36\` ON \`bank_statement\``);
        await queryRunner.query(`DROP TABLE \`bank_statement\``);
        await queryRunner.query(`DROP TABLE \`payment_notice_counter\``);
        await queryRunner.query(`DROP INDEX \`IDX_059e28c187527c1261f4b6b116\` ON \`payment_notice_item\``);
        await queryRunner.query(`DROP TABLE \`payment_notice_item\``);
        await queryRunner.query(`DROP INDEX \`IDX_9dd3119622bf0f72594ae0176d\` ON \`payment_notice\``);
        await queryRunner.query(`DROP INDEX \`IDX_799f8ec5d6207278b3801e7b38\` ON \`payment_notice\``);
        await queryRunner.query(`DROP INDEX \`IDX_2eb1bf25e2d656fa9ae56abae0\` ON \`payment_notice\``);
        await queryRunner.query(`DROP INDEX \`IDX_56bdc1195916a33d0ceb53d3dc\` ON \`payment_notice\``);
        await queryRunner.query(`DROP INDEX \`IDX_7f2eb0741b17a315aa53767eb4\` ON \`payment_notice\``);
        await queryRunner.query(`DROP INDEX \`IDX_cfcdf707557da3d029f267ce67\` ON \`payment_notice\``);
        await queryRunner.query(`DROP TABLE \`payment_notice\``);
        await queryRunner.query(`DROP INDEX \`IDX_881d08fc0fd5f583c96562bac2\` ON \`payee_account\``);
        await queryRunner.query(`DROP TABLE \`payee_account\``);
    }

}
