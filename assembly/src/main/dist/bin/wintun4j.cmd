@echo off
rem wintun4j: starts the Felix distribution in this folder's parent (bundle\, conf\) with the
rem command line's arguments, such as "demo --count 3", "backends" or "shell". Needs Java 17+.
set "WINTUN4J_HOME=%~dp0.."
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
"%JAVA%" --enable-native-access=ALL-UNNAMED %WINTUN4J_OPTS% -Dwintun4j.home="%WINTUN4J_HOME%" -jar "%~dp0wintun4j.jar" %*
