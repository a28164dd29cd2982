; Inno Setup 6 script for EduWriter 教育公文写作助手.
; Saved as UTF-8 with a byte order mark, so the compiler reads the Chinese texts correctly.
; Uninstall via Windows Settings -> Apps (no uninstall shortcut in the Start menu, as Windows 10+
; recommends).
;
; Per-user install without administrator rights: the program goes to
; %LOCALAPPDATA%\Programs\EduWriter, shortcuts to the user's Start menu, the .ewlib file
; association to HKEY_CURRENT_USER. The user's library, settings and logs (in %LOCALAPPDATA%\EduWriter)
; are kept on uninstall.
;
; Build (packaging/build.py does this after PyInstaller):
;   ISCC /DAppVersion=0.1.0 /DSourceDir=..\packaging\dist\EduWriter /O..\packaging\dist installer.iss
;
; Installer language: Inno Setup ships no official Simplified Chinese messages file (it is in
; the "unofficial" translations). The script uses ChineseSimplified.isl when it is present, either
; in the compiler's Languages folder or next to this script (the CI workflow downloads it from the
; Inno Setup repository before compiling); without it the installer is built in English only,
; and our own messages below fall back to English as well.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "dist\EduWriter"
#endif

#define AppName "EduWriter"
#define AppNameZh "教育公文写作助手"
#define AppExe "EduWriter.exe"
#define AppUserModelID "EduWriter.EduWriter"
#define ProgId "EduWriter.Library"

#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define ZhMessages "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
  #define ZhMessages AddBackslash(SourcePath) + "ChineseSimplified.isl"
#endif

[Setup]
; A fixed AppId lets later versions update this installation in place.
AppId={{6E0C2B7A-3F4D-4C1E-9A57-2B8E5D41C0A9}
AppName={#AppNameZh} {#AppName}
AppVersion={#AppVersion}
AppVerName={#AppNameZh} {#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppNameZh} {#AppName}
; Per-user, no UAC prompt. {autopf} resolves to %LOCALAPPDATA%\Programs for a per-user install.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppNameZh}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=..\resources\icons\eduwriter.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppNameZh} {#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ChangesAssociations=yes
CloseApplications=yes
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage

[Languages]
#ifdef ZhMessages
; Default.isl first: a message missing from the (unofficial, possibly older) Chinese file falls
; back to English instead of failing the build.
Name: "chinesesimplified"; MessagesFile: "compiler:Default.isl,{#ZhMessages}"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
english.AssocDescription=EduWriter library pack
english.OpenWith=Open with EduWriter
english.DesktopIconTask=Create a desktop shortcut
#ifdef ZhMessages
chinesesimplified.AssocDescription=EduWriter 资料包
chinesesimplified.OpenWith=用 EduWriter 打开
chinesesimplified.DesktopIconTask=在桌面上创建快捷方式
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIconTask}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller one-folder bundle (EduWriter.exe, eduwriter-cli.exe, _internal\...).
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An update replaces the bundle's libraries completely (no stale modules from an older version).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppNameZh}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "{#AppUserModelID}"; Comment: "{#AppNameZh} {#AppName}"
Name: "{autodesktop}\{#AppNameZh}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "{#AppUserModelID}"; Tasks: desktopicon

[Registry]
; .ewlib (a shared library pack) opens in EduWriter. HKA = HKCU for a per-user install.
Root: HKA; Subkey: "Software\Classes\.ewlib"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.ewlib\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:AssocDescription}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open"; ValueType: string; ValueName: ""; ValueData: "{cm:OpenWith}"
; `EduWriter.exe gui <file>`: the window opens and offers to import the pack.
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" gui ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".ewlib"; ValueData: ""; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppNameZh}"; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppNameZh}}"; Flags: nowait postinstall skipifsilent
