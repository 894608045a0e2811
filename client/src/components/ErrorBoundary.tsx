// Catches a rendering error below it and shows what failed and a way out, instead of React
// unmounting the whole app into a blank page. One around each page (Shell, the projector) and
// one around each item view and each item's notes in the recap, so one bad part never takes
// the rest of the page with it.
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What failed, in the user's words: "This page", "This item's view", "The notes of Pricing". */
  what: string;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The console is where a user's bug report starts; nothing more is sent anywhere.
    console.error(`${this.props.what} could not be shown`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert" className="alert error-boundary" data-testid="error-boundary">
        <span>{this.props.what} could not be shown because of an error in the app. The rest of the page still works.</span>
        <button type="button" className="btn" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}
