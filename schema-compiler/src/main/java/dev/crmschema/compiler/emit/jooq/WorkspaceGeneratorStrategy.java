package dev.crmschema.compiler.emit.jooq;

import dev.crmschema.compiler.naming.Names;
import org.jooq.codegen.DefaultGeneratorStrategy;
import org.jooq.meta.ColumnDefinition;
import org.jooq.meta.ConstraintDefinition;
import org.jooq.meta.Definition;
import org.jooq.meta.IndexDefinition;
import org.jooq.meta.TableDefinition;

/**
 * Names jOOQ classes after the workspace's objects rather than their tables ({@code _pet} is class
 * {@code Pet} and {@code PetRecord}, constant {@code PET}), and keeps camelCase column names readable
 * ({@code EMAILS_PRIMARY_EMAIL}, {@code getEmailsPrimaryEmail()}) where jOOQ would flatten them.
 * GenerationTool creates it by class name, so every name comes from the definition alone, through {@link Names}.
 */
public final class WorkspaceGeneratorStrategy extends DefaultGeneratorStrategy {
    @Override
    public String getJavaClassName(Definition definition, Mode mode) {
        if (definition instanceof TableDefinition table) {
            String name = table.getOutputName();
            return switch (mode) {
                case DEFAULT -> Names.jooqTableClass(name);
                case RECORD -> Names.jooqRecordClass(name);
                default -> super.getJavaClassName(definition, mode);
            };
        }
        return super.getJavaClassName(definition, mode);
    }

    /** Tables extend {@link WorkspaceTableImpl}, whose {@code column} their column constants call ({@link ColumnInitializers}). */
    @Override
    public String getJavaClassExtends(Definition definition, Mode mode) {
        if (definition instanceof TableDefinition && mode == Mode.DEFAULT) {
            return WorkspaceTableImpl.class.getName();
        }
        return super.getJavaClassExtends(definition, mode);
    }

    @Override
    public String getJavaIdentifier(Definition definition) {
        if (definition instanceof TableDefinition table) {
            return Names.jooqTableConstant(table.getOutputName());
        }
        if (definition instanceof ColumnDefinition || definition instanceof ConstraintDefinition
                || definition instanceof IndexDefinition) {
            // Key and index names already include their table, so they are unique as they are.
            return Names.jooqConstant(definition.getOutputName());
        }
        return super.getJavaIdentifier(definition);
    }

    @Override
    public String getJavaMemberName(Definition definition, Mode mode) {
        if (definition instanceof ColumnDefinition) {
            return definition.getOutputName();
        }
        return super.getJavaMemberName(definition, mode);
    }

    @Override
    public String getJavaSetterName(Definition definition, Mode mode) {
        if (definition instanceof ColumnDefinition) {
            return "set" + Names.pascal(definition.getOutputName());
        }
        return super.getJavaSetterName(definition, mode);
    }

    @Override
    public String getJavaGetterName(Definition definition, Mode mode) {
        if (definition instanceof ColumnDefinition) {
            return "get" + Names.pascal(definition.getOutputName());
        }
        return super.getJavaGetterName(definition, mode);
    }
}
