import { MigrationInterface, QueryRunner } from "typeorm";

export class Evaluations1764100000000 implements MigrationInterface {
    name = 'Evaluations1764100000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`evaluation\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`channel\` varchar(16) NOT NULL, \`level\` varchar(20) NOT NULL, \`reasons\` text NOT NULL, \`comment\` varchar(500) NULL, \`application_id\` int NULL, \`matter_id\` int NULL, \`window_id\` int NOT NULL, \`staff_id\` int NOT NULL, \`department_id\` int NOT NULL, \`served_at\` datetime(3) NOT NULL, \`rated_at\` datetime(3) NOT NULL, \`recorded_by_id\` int NULL, \`rater_name\` varchar(100) NULL, \`rater_contact\` varchar(100) NULL, INDEX \`IDX_a4acf9a10840b91c584454938f\` (\`tenant_id\`, \`staff_id\`, \`rated_at\`), INDEX \`IDX_fa8a454e5f2fc14f421b723f73\` (\`tenant_id\`, \`rated_at\`), UNIQUE INDEX \`IDX_a62c4d1917103bd9037cf9f78b\` (\`tenant_id\`, \`application_id\`, \`channel\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`rectification\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`evaluation_id\` int NOT NULL, \`responsible_department_id\` int NOT NULL, \`responsible_staff_id\` int NOT NULL, \`window_id\` int NOT NULL, \`status\` varchar(24) NOT NULL, \`verify_due_at\` datetime(3) NOT NULL, \`verified_at\` datetime(3) NULL, \`verified_by_id\` int NULL, \`verification_note\` varchar(1000) NULL, \`plan\` varchar(1000) NULL, \`rectify_due_at\` datetime(3) NULL, \`rectified_at\` datetime(3) NULL, \`rectified_by_id\` int NULL, \`action_taken\` varchar(1000) NULL, \`return_visit_satisfied\` tinyint NULL, \`return_visit_note\` varchar(1000) NULL, \`return_visit_at\` datetime(3) NULL, \`return_visit_by_id\` int NULL, \`due_at\` datetime(3) NULL, \`opened_at\` datetime(3) NOT NULL, \`closed_at\` datetime(3) NULL, \`version\` int NOT NULL, INDEX \`IDX_72089215a7f2a898172127084f\` (\`tenant_id\`, \`status\`, \`due_at\`), UNIQUE INDEX \`IDX_33b6b28310bd44c0a37ccae274\` (\`tenant_id\`, \`evaluation_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`rectification_event\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`rectification_id\` int NOT NULL, \`action\` varchar(16) NOT NULL, \`from_status\` varchar(24) NULL, \`to_status\` varchar(24) NOT NULL, \`actor_id\` int NULL, \`at\` datetime(3) NOT NULL, INDEX \`IDX_21ae569b4c5e612ce4bb77e6af\` (\`tenant_id\`, \`rectification_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`evaluation_settings\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`verify_working_days\` int NOT NULL, \`rectify_working_days\` int NOT NULL, \`version\` int NOT NULL, UNIQUE INDEX \`IDX_a6f51539be7f5524145d621a75\` (\`tenant_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_a6f51539be7f5524145d621a75\` ON \`evaluation_settings\``);
        await queryRunner.query(`DROP TABLE \`evaluation_settings\``);
        await queryRunner.query(`DROP INDEX \`IDX_21ae569b4c5e612ce4bb77e6af\` ON \`rectification_event\``);
        await queryRunner.query(`DROP TABLE \`rectification_event\``);
        await queryRunner.query(`DROP INDEX \`IDX_33b6b28310bd44c0a37ccae274\` ON \`rectification\``);
        await queryRunner.query(`DROP INDEX \`IDX_72089215a7f2a898172127084f\` ON \`rectification\``);
        await queryRunner.query(`DROP TABLE \`rectification\``);
        await queryRunner.query(`DROP INDEX \`IDX_a62c4d1917103bd9037cf9f78b\` ON \`evaluation\``);
        await queryRunner.query(`DROP INDEX \`IDX_fa8a454e5f2fc14f421b723f73\` ON \`evaluation\``);
        await queryRunner.query(`DROP INDEX \`IDX_a4acf9a10840b91c584454938f\` ON \`evaluation\``);
        await queryRunner.query(`DROP TABLE \`evaluation\``);
    }

}
