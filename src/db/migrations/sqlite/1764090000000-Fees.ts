import { MigrationInterface, QueryRunner } from "typeorm";

export class Fees1764090000000 implements MigrationInterface {
    name = 'Fees1764090000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "payee_account" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "department_id" integer NOT NULL, "account_number" varchar(40) NOT NULL, "account_name" varchar(200) NOT NULL, "bank_name" varchar(200) NOT NULL, "version" integer NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_881d08fc0fd5f583c96562bac2" ON "payee_account" ("tenant_id", "department_id") `);
        await queryRunner.query(`CREATE TABLE "payment_notice" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "number" varchar(32) NOT NULL, "reference" varchar(32) NOT NULL, "application_id" integer NOT NULL, "matter_id" integer NOT NULL, "department_id" integer NOT NULL, "payee_account_number" varchar(40) NOT NULL, "payee_account_name" varchar(200) NOT NULL, "total_fen" integer NOT NULL, "status" varchar(12) NOT NULL, "off_standard" boolean NOT NULL DEFAULT (0), "off_standard_reason" varchar(500), "cancel_reason" varchar(500), "supersedes_id" integer, "superseded_by_id" integer, "issued_by_id" integer NOT NULL, "issued_at" datetime(3) NOT NULL, "issued_on" varchar(10) NOT NULL, "version" integer NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_cfcdf707557da3d029f267ce67" ON "payment_notice" ("tenant_id", "department_id", "issued_on") `);
        await queryRunner.query(`CREATE INDEX "IDX_7f2eb0741b17a315aa53767eb4" ON "payment_notice" ("tenant_id", "issued_by_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_56bdc1195916a33d0ceb53d3dc" ON "payment_notice" ("tenant_id", "application_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_2eb1bf25e2d656fa9ae56abae0" ON "payment_notice" ("tenant_id", "issued_on", "status") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_799f8ec5d6207278b3801e7b38" ON "payment_notice" ("tenant_id", "reference") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_9dd3119622bf0f72594ae0176d" ON "payment_notice" ("tenant_id", "number") `);
        await queryRunner.query(`CREATE TABLE "payment_notice_item" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "notice_id" integer NOT NULL, "fee_item_id" integer, "name" varchar(200) NOT NULL, "basis" varchar(500) NOT NULL, "unit_fen" integer NOT NULL, "quantity" integer NOT NULL, "amount_fen" integer NOT NULL, "off_standard" boolean NOT NULL DEFAULT (0))`);
        await queryRunner.query(`CREATE INDEX "IDX_059e28c187527c1261f4b6b116" ON "payment_notice_item" ("tenant_id", "notice_id") `);
        await queryRunner.query(`CREATE TABLE "payment_notice_counter" ("tenant_id" integer NOT NULL, "day" varchar(8) NOT NULL, "last_sequence" integer NOT NULL, PRIMARY KEY ("tenant_id", "day"))`);
        await queryRunner.query(`CREATE TABLE "bank_statement" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "file_hash" varchar(64) NOT NULL, "file_name" varchar(200) NOT NULL, "line_count" integer NOT NULL, "new_transaction_count" integer NOT NULL, "known_transaction_count" integer NOT NULL, "imported_by_id" integer NOT NULL, "imported_at" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_e5f7439c7f395022fe24dfff36" ON "bank_statement" ("tenant_id", "imported_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_71739cb8e137f1c7ecacc3587a" ON "bank_statement" ("tenant_id", "file_hash") `);
        await queryRunner.query(`CREATE TABLE "bank_transaction" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "statement_id" integer NOT NULL, "bank_transaction_id" varchar(64) NOT NULL, "value_date" varchar(10) NOT NULL, "occurred_at" datetime(3) NOT NULL, "amount_fen" integer NOT NULL, "payer_name" varchar(200) NOT NULL, "payer_account_last4" varchar(4) NOT NULL, "reference" varchar(64) NOT NULL, "bank_account" varchar(40) NOT NULL, "notice_id" integer)`);
        await queryRunner.query(`CREATE INDEX "IDX_51100f93e59105ce0b941f0cd3" ON "bank_transaction" ("tenant_id", "statement_id") `);
        await queryRunner.query(`CREATE INDEX "bank_transaction_by_notice" ON "bank_transaction" ("tenant_id", "notice_id", "value_date") `);
        await queryRunner.query(`CREATE INDEX "IDX_adca7edb7b7cadf38d3cc650f3" ON "bank_transaction" ("tenant_id", "value_date") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a8098aac526782579c0bf3f2a7" ON "bank_transaction" ("tenant_id", "bank_transaction_id") `);
        await queryRunner.query(`CREATE TABLE "receipt_book" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "department_id" integer NOT NULL, "series" varchar(20) NOT NULL, "first_serial" integer NOT NULL, "last_serial" integer NOT NULL, "next_serial" integer NOT NULL, "registered_by_id" integer NOT NULL, "registered_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_a0d2d6a3f9bacc9387081221ce" ON "receipt_book" ("tenant_id", "series") `);
        await queryRunner.query(`CREATE INDEX "IDX_7b0d94874e8ab71552d46c969a" ON "receipt_book" ("tenant_id", "department_id") `);
        await queryRunner.query(`CREATE TABLE "receipt" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "book_id" integer NOT NULL, "number" varchar(40) NOT NULL, "serial" integer NOT NULL, "notice_id" integer NOT NULL, "department_id" integer NOT NULL, "amount_fen" integer NOT NULL, "status" varchar(8) NOT NULL, "void_reason" varchar(500), "issued_by_id" integer NOT NULL, "issued_at" datetime(3) NOT NULL, "issued_on" varchar(10) NOT NULL, "version" integer NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_43dfb53a00575a13d8c774dbae" ON "receipt" ("tenant_id", "issued_on") `);
        await queryRunner.query(`CREATE INDEX "receipt_by_notice" ON "receipt" ("tenant_id", "notice_id", "issued_on") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b0dd06f34df4487857b38881f8" ON "receipt" ("tenant_id", "book_id", "serial") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2f0fd7f4b90420904baa69208a" ON "receipt" ("tenant_id", "number") `);
        await queryRunner.query(`CREATE TABLE "finance_day" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "day" varchar(10) NOT NULL, "status" varchar(12) NOT NULL, "reconciled_at" datetime(3), "closed_at" datetime(3), "closed_by_id" integer, "version" integer NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2adc35947a53eb77835627aa20" ON "finance_day" ("tenant_id", "day") `);
        await queryRunner.query(`CREATE TABLE "reconciliation_item" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "day" varchar(10) NOT NULL, "kind" varchar(20) NOT NULL, "notice_id" integer, "transaction_id" integer, "receipt_id" integer, "department_id" integer, "account" varchar(40) NOT NULL, "expected_fen" integer NOT NULL, "paid_fen" integer NOT NULL, "payment_count" integer NOT NULL, "is_open" boolean NOT NULL, "resolution" varchar(16), "resolution_note" varchar(500), "resolved_by_id" integer, "resolved_at" datetime(3), "version" integer NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_6954a1107323938201ddf6b624" ON "reconciliation_item" ("tenant_id", "day", "is_open") `);
        await queryRunner.query(`CREATE INDEX "IDX_d7941782d56e1510f42e80085a" ON "reconciliation_item" ("tenant_id", "day", "kind") `);
        await queryRunner.query(`CREATE TABLE "adjusting_entry" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "day" varchar(10) NOT NULL, "refers_to_day" varchar(10) NOT NULL, "kind" varchar(16) NOT NULL, "notice_id" integer, "transaction_id" integer, "receipt_id" integer, "amount_fen" integer NOT NULL, "note" varchar(500) NOT NULL, "created_by_id" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_bd99310837cfb98d071b0950b4" ON "adjusting_entry" ("tenant_id", "refers_to_day") `);
        await queryRunner.query(`CREATE INDEX "IDX_3ace846ae5048b010d8759399e" ON "adjusting_entry" ("tenant_id", "day") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_3ace846ae5048b010d8759399e"`);
        await queryRunner.query(`DROP INDEX "IDX_bd99310837cfb98d071b0950b4"`);
        await queryRunner.query(`DROP TABLE "adjusting_entry"`);
        await queryRunner.query(`DROP INDEX "IDX_d7941782d56e1510f42e80085a"`);
        await queryRunner.query(`DROP INDEX "IDX_6954a1107323938201ddf6b624"`);
        await queryRunner.query(`DROP TABLE "reconciliation_item"`);
        await queryRunner.query(`DROP INDEX "IDX_2adc35947a53eb77835627aa20"`);
        await queryRunner.query(`DROP TABLE "finance_day"`);
        await queryRunner.query(`DROP INDEX "IDX_2f0fd7f4b90420904baa69208a"`);
        await queryRunner.query(`DROP INDEX "IDX_b0dd06f34df4487857b38881f8"`);
        await queryRunner.query(`DROP INDEX "receipt_by_notice"`);
        await queryRunner.query(`DROP INDEX "IDX_43dfb53a00575a13d8c774dbae"`);
        await queryRunner.query(`DROP TABLE "receipt"`);
        await queryRunner.query(`DROP INDEX "IDX_7b0d94874e8ab71552d46c969a"`);
        await queryRunner.query(`DROP INDEX "IDX_a0d2d6a3f9bacc9387081221ce"`);
        await queryRunner.query(`DROP TABLE "receipt_book"`);
        await queryRunner.query(`DROP INDEX "IDX_a8098aac526782579c0bf3f2a7"`);
        await queryRunner.query(`DROP INDEX "IDX_adca7edb7b7cadf38d3cc650f3"`);
        await queryRunner.query(`DROP INDEX "bank_transaction_by_notice"`);
        await queryRunner.query(`DROP INDEX "IDX_51100f93e59105ce0b941f0cd3"`);
        await queryRunner.query(`DROP TABLE "bank_transaction"`);
        await queryRunner.query(`DROP INDEX "IDX_71739cb8e137f1c7ecacc3587a"`);
        await queryRunner.query(`DROP INDEX "IDX_e5f7439c7f395022fe24dfff36"`);
        await queryRunner.query(`DROP TABLE "bank_statement"`);
        await queryRunner.query(`DROP TABLE "payment_notice_counter"`);
        await queryRunner.query(`DROP INDEX "IDX_059e28c187527c1261f4b6b116"`);
        await queryRunner.query(`DROP TABLE "payment_notice_item"`);
        await queryRunner.query(`DROP INDEX "IDX_9dd3119622bf0f72594ae0176d"`);
        await queryRunner.query(`DROP INDEX "IDX_799f8ec5d6207278b3801e7b38"`);
        await queryRunner.query(`DROP INDEX "IDX_2eb1bf25e2d656fa9ae56abae0"`);
        await queryRunner.query(`DROP INDEX "IDX_56bdc1195916a33d0ceb53d3dc"`);
        await queryRunner.query(`DROP INDEX "IDX_7f2eb0741b17a315aa53767eb4"`);
        await queryRunner.query(`DROP INDEX "IDX_cfcdf707557da3d029f267ce67"`);
        await queryRunner.query(`DROP TABLE "payment_notice"`);
        await queryRunner.query(`DROP INDEX "IDX_881d08fc0fd5f583c96562bac2"`);
        await queryRunner.query(`DROP TABLE "payee_account"`);
    }

}
