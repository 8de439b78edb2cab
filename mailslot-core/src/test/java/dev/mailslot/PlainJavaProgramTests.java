package dev.mailslot;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * mailslot-core is a library of its own: a program with only it, JNA and JSpecify on its
 * class path creates, writes and reads a mailslot.
 */
class PlainJavaProgramTests {

	@Test
	@EnabledOnOs(value = { OS.LINUX, OS.WINDOWS }, disabledReason = "auto has a transport on Linux and Windows")
	void aProgramWithOnlyTheCoreAndItsDependenciesWritesAndReadsAMailslot() throws Exception {
		List<String> classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter(PlainJavaProgramTests::isCoreOrItsDependency)
			.toList();
		assertThat(classPath).hasSize(5).noneMatch((entry) -> entry.contains("spring"));
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				String.join(File.pathSeparator, classPath), PlainJavaProgram.class.getName())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains(" read: Message one for mailslot.");
	}

	/**
	 * Return whether a class path entry is this module's classes, its test classes (which
	 * hold the program), or one of jna, jna-platform and jspecify.
	 */
	private static boolean isCoreOrItsDependency(String entry) {
		Path path = Path.of(entry);
		String file = path.getFileName().toString();
		return file.equals("classes") || file.equals("test-classes") || file.startsWith("jna-")
				|| file.startsWith("jspecify-");
	}

}
