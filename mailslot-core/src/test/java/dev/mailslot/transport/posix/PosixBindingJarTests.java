package dev.mailslot.transport.posix;

import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mailslot-core jar as an application's class path holds it, run by Failsafe once the
 * jar is packaged (Surefire runs on the class directory, which has no versions). Built on
 * Java 22 or later (the runtime that runs this test), the jar is a multi-release jar: its
 * base classes are for Java 17, and the FFM binding of the posix transport is in
 * {@code META-INF/versions/22}, compiled for Java 22, where a Java 22+ runtime finds it.
 * Built on Java 17 to 21 it holds JNA's binding alone. CI names the binding it expects in
 * {@code MAILSLOT_EXPECTED_POSIX_BINDING}.
 */
class PosixBindingJarTests {

	private static final int JAVA = Runtime.version().feature();

	private static final String FOREIGN_ENTRY = LibC.FOREIGN_BINDING.replace('.', '/') + ".class";

	private static final String VERSIONED_FOREIGN_ENTRY = "META-INF/versions/22/" + FOREIGN_ENTRY;

	private static final int JAVA_17_CLASS = 61;

	private static final int JAVA_22_CLASS = 66;

	@Test
	void classesAreLoadedFromTheJar() {
		assertThat(classUrl(LibC.class).getProtocol()).isEqualTo("jar");
	}

	@Test
	void jarHoldsTheForeignBindingOnlyAsJava22Classes() throws IOException, URISyntaxException {
		try (JarFile jar = jar()) {
			assertThat(jar.getEntry(FOREIGN_ENTRY)).as("the FFM binding among the base classes").isNull();
			assertThat(majorVersion(jar, jar.getJarEntry(LibC.class.getName().replace('.', '/') + ".class")))
				.isEqualTo(JAVA_17_CLASS);
			if (JAVA >= 22) {
				assertThat(jar.getManifest().getMainAttributes().getValue("Multi-Release")).isEqualTo("true");
				JarEntry foreign = jar.getJarEntry(VERSIONED_FOREIGN_ENTRY);
				assertThat(foreign).as(VERSIONED_FOREIGN_ENTRY).isNotNull();
				assertThat(majorVersion(jar, foreign)).isEqualTo(JAVA_22_CLASS);
			}
			else {
				assertThat(jar.getEntry(VERSIONED_FOREIGN_ENTRY)).isNull();
			}
		}
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void bindingInUseComesFromTheJarsVersionedClasses() throws ClassNotFoundException {
		String expected = System.getenv("MAILSLOT_EXPECTED_POSIX_BINDING");
		if (expected == null) {
			expected = (JAVA >= 22) ? "ffm" : "jna";
		}
		assertThat(LibC.bindingId()).isEqualTo(expected);
		if (expected.equals("ffm")) {
			Class<?> foreign = Class.forName(LibC.FOREIGN_BINDING, false, LibC.class.getClassLoader());
			assertThat(classUrl(foreign).toString()).contains("!/" + VERSIONED_FOREIGN_ENTRY);
		}
	}

	private static URL classUrl(Class<?> type) {
		URL url = type.getResource(type.getSimpleName() + ".class");
		assertThat(url).as("where %s was loaded from", type.getName()).isNotNull();
		return url;
	}

	private static JarFile jar() throws IOException, URISyntaxException {
		JarURLConnection connection = (JarURLConnection) classUrl(LibC.class).openConnection();
		return new JarFile(new File(connection.getJarFileURL().toURI()));
	}

	private static int majorVersion(JarFile jar, JarEntry entry) throws IOException {
		try (InputStream in = jar.getInputStream(entry); DataInputStream data = new DataInputStream(in)) {
			assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
			data.readUnsignedShort();
			return data.readUnsignedShort();
		}
	}

}
