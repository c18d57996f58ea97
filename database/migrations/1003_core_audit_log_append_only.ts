import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The audit log is append-only. The application has no update or delete path
 * for it; these triggers make the database refuse one too.
 */
export default class extends BaseSchema {
  async up() {
    if (this.db.dialect.name === 'postgres') {
      this.schema.raw(`
        CREATE FUNCTION core_audit_log_append_only() RETURNS trigger AS $$
        BEGIN
          RAISE EXCEPTION 'core_audit_log is append-only';
        END
        $$ LANGUAGE plpgsql`)
      this.schema.raw(`
        CREATE TRIGGER core_audit_log_no_change BEFORE UPDATE OR DELETE ON core_audit_log
        FOR EACH ROW EXECUTE FUNCTION core_audit_log_append_only()`)
      return
    }
    for (const event of ['UPDATE', 'DELETE']) {
      this.schema.raw(`
        CREATE TRIGGER core_audit_log_no_${event.toLowerCase()} BEFORE ${event} ON core_audit_log
        BEGIN SELECT RAISE(ABORT, 'core_audit_log is append-only'); END`)
    }
  }

  async down() {
    if (this.db.dialect.name === 'postgres') {
      this.schema.raw('DROP TRIGGER IF EXISTS core_audit_log_no_change ON core_audit_log')
      this.schema.raw('DROP FUNCTION IF EXISTS core_audit_log_append_only()')
      return
    }
    this.schema.raw('DROP TRIGGER IF EXISTS core_audit_log_no_update')
    this.schema.raw('DROP TRIGGER IF EXISTS core_audit_log_no_delete')
  }
}
