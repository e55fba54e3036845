@echo off
rem baocao121: the command-line tool of "Bao cao 121" for IT staff (see "baocao121 --help").
rem It runs the bundled CLI inside the app with the app's own Node (Electron as Node): no Node.js to install.
setlocal
set ELECTRON_RUN_AS_NODE=1
"%~dp0BaoCao121.exe" "%~dp0resources\app.asar\dist\cli\baocao121.cjs" %*
exit /b %ERRORLEVEL%
