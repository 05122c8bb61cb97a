package io.chaingraph.config;

import java.net.URISyntaxException;
import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.chaingraph.ChaingraphApplication;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The service's packages depend on each other in one direction only: a feature package (with its
 * subpackages) never reaches back into a package that depends on it, and neither do the subpackages
 * of one feature (importing.read, importing.validate, …) among themselves. Reads the compiled main
 * classes, so a dependency through a type, a field, a call or an annotation counts, imported or not.
 */
class PackageCyclesTest {

	/** The service's main classes (its class folder or jar), not the tests nor the libraries. */
	private static final JavaClasses MAIN = new ClassFileImporter().importPath(mainClasses());

	@Test
	void featurePackagesHaveNoCycles() {
		// io.chaingraph.importing and its subpackages are one slice, io.chaingraph.dataset another, …
		slices().matching("io.chaingraph.(*)..")
			.namingSlices("feature $1")
			.should()
			.beFreeOfCycles()
			.because("a feature that needs another's types may not be needed by it in turn (move the type, or "
					+ "invert the dependency with an interface owned by the lower package)")
			.check(MAIN);
	}

	@Test
	void noPackageHasACycleWithAnother() {
		// every package on its own: also importing ↔ importing.upload, say
		slices().matching("io.chaingraph.(**)")
			.namingSlices("package $1")
			.should()
			.beFreeOfCycles()
			.check(MAIN);
	}

	private static Path mainClasses() {
		try {
			return Path.of(ChaingraphApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
