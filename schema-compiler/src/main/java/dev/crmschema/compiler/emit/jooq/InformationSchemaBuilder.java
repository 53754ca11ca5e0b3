package dev.crmschema.compiler.emit.jooq;

import dev.crmschema.compiler.emit.sql.ColumnDefaults;
import dev.crmschema.compiler.emit.sql.ForeignKey;
import dev.crmschema.compiler.emit.sql.SearchVectorColumn;
import dev.crmschema.compiler.emit.sql.TableIndex;
import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.naming.Names;
import org.jooq.util.xml.jaxb.Index;
import org.jooq.util.xml.jaxb.IndexColumnUsage;
import org.jooq.util.xml.jaxb.InformationSchema;
import org.jooq.util.xml.jaxb.KeyColumnUsage;
import org.jooq.util.xml.jaxb.ReferentialConstraint;
import org.jooq.util.xml.jaxb.Schema;
import org.jooq.util.xml.jaxb.Table;
import org.jooq.util.xml.jaxb.TableConstraint;
import org.jooq.util.xml.jaxb.TableConstraintType;

/**
 * Describes the workspace's tables to jOOQ's XMLDatabase as an information_schema, in the logical
 * schema {@link Names#JOOQ_SCHEMA}. It mirrors the DDL: same tables, columns, defaults, primary and
 * foreign keys and indexes (the DDL's partial unique indexes appear as unique indexes, without their
 * {@code WHERE "deletedAt" IS NULL}).
 */
final class InformationSchemaBuilder {
    private static final String SCHEMA = Names.JOOQ_SCHEMA;

    private InformationSchemaBuilder() {}

    static InformationSchema of(Workspace workspace) {
        InformationSchema info = new InformationSchema();
        info.getSchemata().add(new Schema().withSchemaName(SCHEMA));
        for (ObjectType object : workspace.objects()) {
            table(info, object);
        }
        for (ObjectType object : workspace.objects()) {
            ForeignKey.of(workspace, object).forEach(fk -> foreignKey(info, fk));
            TableIndex.of(object).forEach(index -> index(info, index));
        }
        return info;
    }

    private static void table(InformationSchema info, ObjectType object) {
        String table = object.tableName();
        info.getTables().add(new Table().withTableSchema(SCHEMA).withTableName(table)
                .withComment(object.description().orElse(object.labelSingular())));
        int position = 0;
        for (Field field : object.fields()) {
            for (Column column : field.columns()) {
                org.jooq.util.xml.jaxb.Column c = new org.jooq.util.xml.jaxb.Column()
                        .withTableSchema(SCHEMA).withTableName(table).withColumnName(column.name())
                        .withOrdinalPosition(++position)
                        .withDataType(JooqTypes.dataType(column))
                        .withIsNullable(column.nullable())
                        .withComment(field.description().orElse(field.label()));
                if (SearchVectorColumn.isSearchVector(field)) {
                    c.withIsGenerated(true).withGenerationOption("STORED")
                            .withGenerationExpression(SearchVectorColumn.expression(object));
                } else {
                    ColumnDefaults.of(field, column).ifPresent(c::withColumnDefault);
                }
                info.getColumns().add(c);
            }
        }
        String primaryKey = Names.primaryKey(table);
        info.getTableConstraints().add(new TableConstraint().withConstraintSchema(SCHEMA).withConstraintName(primaryKey)
                .withConstraintType(TableConstraintType.PRIMARY_KEY).withTableSchema(SCHEMA).withTableName(table)
                .withEnforced(true));
        info.getKeyColumnUsages().add(new KeyColumnUsage().withConstraintSchema(SCHEMA).withConstraintName(primaryKey)
                .withTableSchema(SCHEMA).withTableName(table).withColumnName(ForeignKey.ID).withOrdinalPosition(1));
    }

    private static void foreignKey(InformationSchema info, ForeignKey fk) {
        info.getTableConstraints().add(new TableConstraint().withConstraintSchema(SCHEMA).withConstraintName(fk.name())
                .withConstraintType(TableConstraintType.FOREIGN_KEY).withTableSchema(SCHEMA).withTableName(fk.table())
                .withEnforced(true));
        info.getKeyColumnUsages().add(new KeyColumnUsage().withConstraintSchema(SCHEMA).withConstraintName(fk.name())
                .withTableSchema(SCHEMA).withTableName(fk.table()).withColumnName(fk.column())
                .withOrdinalPosition(1).withPositionInUniqueConstraint(1));
        info.getReferentialConstraints().add(new ReferentialConstraint().withConstraintSchema(SCHEMA).withConstraintName(fk.name())
                .withUniqueConstraintSchema(SCHEMA).withUniqueConstraintName(Names.primaryKey(fk.targetTable())));
    }

    private static void index(InformationSchema info, TableIndex index) {
        info.getIndexes().add(new Index().withIndexSchema(SCHEMA).withIndexName(index.name())
                .withTableSchema(SCHEMA).withTableName(index.table()).withIsUnique(index.unique()));
        for (int i = 0; i < index.columns().size(); i++) {
            info.getIndexColumnUsages().add(new IndexColumnUsage().withIndexSchema(SCHEMA).withIndexName(index.name())
                    .withTableSchema(SCHEMA).withTableName(index.table()).withColumnName(index.columns().get(i)).withOrdinalPosition(i + 1));
        }
    }
}
