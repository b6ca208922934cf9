import { MigrationInterface, QueryRunner } from "typeorm";

export class ListOrders1764050000000 implements MigrationInterface {
    name = 'ListOrders1764050000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX \`IDX_3da059d14d45a351d7d29b27db\` ON \`application\` (\`tenant_id\`, \`applicant_name\`)`);
        await queryRunner.query(`CREATE INDEX \`IDX_a941d84c87e2af0f3c5cf14e5c\` ON \`application\` (\`tenant_id\`, \`applicant_id_number\`)`);
        await queryRunner.query(`CREATE INDEX \`IDX_db0b0c01d4bfb0e73d53889b29\` ON \`application\` (\`tenant_id\`, \`due_at\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_db0b0c01d4bfb0e73d53889b29\` ON \`application\``);
        await queryRunner.query(`DROP INDEX \`IDX_a941d84c87e2af0f3c5cf14e5c\` ON \`application\``);
        await queryRunner.query(`DROP INDEX \`IDX_3da059d14d45a351d7d29b27db\` ON \`application\``);
    }

}
