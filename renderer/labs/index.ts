// The lab panel, self-contained: mount <LabPanel open onToggle onPaste /> in the app's side slot
// and merge labPanelStrings into the i18n resources under `labPanel`.
export { LabPanel, type LabPanelProps } from './lab-panel';
export { labPanelStrings } from './lab-strings';
export { labClient } from './lab-client';
