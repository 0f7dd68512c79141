import type { PanelMode } from '../../messages';
import type { BackgroundServices } from '../services';

export const openPanelWindow = (req: { userRef: string; mode: PanelMode }, services: BackgroundServices) =>
  services.openPanelWindow({ userRef: req.userRef, mode: req.mode });
